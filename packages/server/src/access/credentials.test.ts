// 机构接口凭证 end to end (issue 13): credentials obtained the documented way (the credentials API
// called by an identity with credentials.manage), then requests signed as docs/access.md says.
// The `x-test-as` scheme stands for an officer's login until the accounts land.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCredential } from '@yibao/api';
import { testDrivers } from '../db/testing.js';
import type { TestApp } from '../testing/app.js';
import { appWithSchemes, issue, seedRegistry } from '../testing/credentials.js';
import { primaryVisit } from '../testing/fixtures.js';
import { signedHeaders, signedRequest, type CredentialSecret, type SignOptions } from '../testing/signed.js';
import { CREDENTIAL_CACHE_MS, ROTATION_GRACE_SECONDS } from './credentials.js';
import { nowSeconds, TIMESTAMP_WINDOW_SECONDS } from './signing.js';

describe.each(testDrivers())('institutions’ credentials on $kind', (driver) => {
  let t: TestApp;
  let c001: IssuedCredential;
  let h001: IssuedCredential;
  beforeAll(async () => {
    t = await appWithSchemes(driver);
    await seedRegistry(t.app);
    c001 = await issue(t.app, 'C001', '东街 HIS');
    h001 = await issue(t.app, 'H001');
  });
  afterAll(async () => t.dispose());

  const count = async (sql: string): Promise<number> => (await t.db.query<{ n: number }>(sql))[0]?.n ?? -1;
  const settle = (payload: object, credential: CredentialSecret = c001, options: SignOptions = {}) =>
    t.app.inject(signedRequest('POST', '/api/v1/settlements', payload, credential, options));

  it('issues a credential with its secret once, and keeps only the secret’s hash', async () => {
    expect(c001).toMatchObject({
      institutionId: 'C001',
      label: '东街 HIS',
      status: 'active',
      expiresAt: null,
    });
    expect(c001.keyId).toMatch(/^yk_[0-9a-f]{24}$/);
    expect(c001.secret.length).toBeGreaterThanOrEqual(40);
    const stored = await t.db.query(`SELECT * FROM institution_credentials WHERE key_id = '${c001.keyId}'`);
    expect(JSON.stringify(stored)).not.toContain(c001.secret);
    expect(stored[0]?.['created_by']).toBe('officer:admin');
  });

  it('lists an institution’s credentials without any secret, to credentials.manage only', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/institutions/C001/credentials',
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: Record<string, unknown>[] }>();
    expect(items.map((i) => i['keyId'])).toContain(c001.keyId);
    expect(res.body).not.toContain(c001.secret);
    for (const item of items) expect(item).not.toHaveProperty('secret');
    // An officer, and an institution's own system, may not manage credentials.
    const officer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/institutions/C001/credentials',
      headers: { 'x-test-as': 'officer:officer' },
    });
    expect(officer.statusCode).toBe(403);
    const own = await t.app.inject(
      signedRequest('GET', '/api/v1/institutions/C001/credentials', undefined, c001),
    );
    expect(own.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/institutions/NOPE/credentials',
      payload: {},
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('settles a signed visit of the credential’s own institution', async () => {
    const res = await settle(primaryVisit('signed-own-1'));
    expect(res.statusCode).toBe(201);
    const id = res.json<{ settlementId: string }>().settlementId;
    const read = await t.app.inject(signedRequest('GET', `/api/v1/settlements/${id}`, undefined, c001));
    expect(read.statusCode).toBe(200);
  });

  it("refuses institution A's credential settling for institution B (403) and stores nothing", async () => {
    const res = await settle(primaryVisit('signed-cross-1'), h001);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'other_institution', field: 'institutionId' } });
    expect(
      await count("SELECT count(*)::int AS n FROM settlement_requests WHERE request_id = 'signed-cross-1'"),
    ).toBe(0);
  });

  it('refuses a replayed signature (401 replayed_nonce): the second use stores nothing', async () => {
    const request = signedRequest('POST', '/api/v1/settlements', primaryVisit('replay-1'), c001);
    expect((await t.app.inject(request)).statusCode).toBe(201);
    const again = await t.app.inject(request);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'replayed_nonce' } });
    // Concurrent copies of one signed request: exactly one passes (they share a batched insert).
    const copy = signedRequest('POST', '/api/v1/settlements/preview', { ...primaryVisit('x') }, c001);
    delete (copy.payload as { requestId?: string }).requestId;
    copy.headers = signedHeaders('POST', copy.url, copy.payload, c001);
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.app.inject(copy)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it('refuses a stale or future timestamp beyond the window (401 stale_timestamp)', async () => {
    for (const skew of [-(TIMESTAMP_WINDOW_SECONDS + 5), TIMESTAMP_WINDOW_SECONDS + 5]) {
      const res = await settle(primaryVisit(`stale-${skew}`), c001, { timestamp: nowSeconds() + skew });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'stale_timestamp', field: 'x-yibao-timestamp' } });
    }
    // Inside the window, a drifting clock is fine.
    const drift = await settle(primaryVisit('drift-1'), c001, { timestamp: nowSeconds() - 200 });
    expect(drift.statusCode).toBe(201);
  });

  it('refuses a tampered body, path or query (401 bad_signature) and stores nothing', async () => {
    const signed = signedRequest('POST', '/api/v1/settlements', primaryVisit('tamper-1'), c001);
    const tampered = { ...signed, payload: { ...primaryVisit('tamper-1'), personId: 'R002' } };
    const res = await t.app.inject(tampered);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'bad_signature' } });
    expect(
      await count("SELECT count(*)::int AS n FROM settlement_requests WHERE request_id = 'tamper-1'"),
    ).toBe(0);
    // The same JSON with other bytes (a space) is another body: the signature covers the bytes.
    const spaced = {
      ...signed,
      payload: JSON.stringify(primaryVisit('tamper-1'), null, 1),
    };
    expect((await t.app.inject(spaced)).statusCode).toBe(401);
    const list = signedRequest('GET', '/api/v1/settlements?institutionId=C001', undefined, c001);
    expect(
      (await t.app.inject({ ...list, url: '/api/v1/settlements?institutionId=C001&page=2' })).statusCode,
    ).toBe(401);
    // A secret that is not the credential's.
    const forged = await settle(primaryVisit('forged-1'), { keyId: c001.keyId, secret: 'guess' });
    expect(forged.json()).toMatchObject({ error: { code: 'bad_signature' } });
  });

  it('refuses an unknown key and a malformed nonce, naming the header', async () => {
    const unknown = await settle(primaryVisit('unknown-1'), {
      keyId: 'yk_000000000000000000000000',
      secret: 'x',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: { code: 'unknown_key', field: 'x-yibao-key-id' } });
    const shortNonce = await settle(primaryVisit('nonce-1'), c001, { nonce: 'abc' });
    expect(shortNonce.json()).toMatchObject({ error: { code: 'bad_nonce', field: 'x-yibao-nonce' } });
    const missing = signedRequest('POST', '/api/v1/settlements', primaryVisit('missing-1'), c001);
    delete missing.headers['x-yibao-signature'];
    expect((await t.app.inject(missing)).json()).toMatchObject({
      error: { code: 'unauthenticated', field: 'x-yibao-signature' },
    });
  });

  it('revokes a key with a reason: it stops working (401 revoked_key) and the list says why', async () => {
    const doomed = await issue(t.app, 'C001', '旧收费机');
    expect((await settle(primaryVisit('before-revoke'), doomed)).statusCode).toBe(201);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/C001/credentials/${doomed.keyId}/revocation`,
      payload: { reason: '收费机报废' },
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ status: 'revoked', revokeReason: '收费机报废' });
    const after = await settle(primaryVisit('after-revoke'), doomed);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'revoked_key' } });
    // Revoking twice is a conflict; another institution's key is not found under this one.
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/C001/credentials/${doomed.keyId}/revocation`,
      payload: { reason: '再次吊销' },
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(twice.statusCode).toBe(409);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/H001/credentials/${c001.keyId}/revocation`,
      payload: { reason: '误操作' },
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(elsewhere.statusCode).toBe(404);
    const missingReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/C001/credentials/${c001.keyId}/revocation`,
      payload: {},
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(missingReason.json()).toMatchObject({ error: { field: 'reason' } });
  });

  it('rotates: a new credential at once, the old one working through its grace period, then not', async () => {
    const old = await issue(t.app, 'C001', '门诊 HIS');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/C001/credentials/${old.keyId}/rotation`,
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(res.statusCode).toBe(201);
    const next = res.json<IssuedCredential>();
    expect(next).toMatchObject({ institutionId: 'C001', label: '门诊 HIS', status: 'active' });
    expect(next.keyId).not.toBe(old.keyId);
    expect(typeof next.secret).toBe('string');
    expect((await settle(primaryVisit('rotated-new'), next)).statusCode).toBe(201);
    expect((await settle(primaryVisit('rotated-old'), old)).statusCode).toBe(201);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/institutions/C001/credentials',
      headers: { 'x-test-as': 'officer:admin' },
    });
    const listed = list.json<{
      items: { keyId: string; status: string; expiresAt: string | null; replacedBy: string | null }[];
    }>();
    const before = listed.items.find((i) => i.keyId === old.keyId);
    expect(before).toMatchObject({ status: 'expiring', replacedBy: next.keyId });
    const grace = (Date.parse(before?.expiresAt ?? '') - Date.now()) / 1000;
    expect(grace).toBeGreaterThan(ROTATION_GRACE_SECONDS - 60);
    expect(grace).toBeLessThanOrEqual(ROTATION_GRACE_SECONDS);
    // Rotating it again is a conflict.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/C001/credentials/${old.keyId}/rotation`,
      headers: { 'x-test-as': 'officer:admin' },
    });
    expect(again.statusCode).toBe(409);
    // The grace period over (moved into the past here): expired, refused.
    await t.db.query(
      `UPDATE institution_credentials SET expires_at = now() - interval '1 second' WHERE key_id = $1`,
      [old.keyId],
    );
    await new Promise((r) => setTimeout(r, CREDENTIAL_CACHE_MS + 100));
    const expired = await settle(primaryVisit('rotated-old-2'), old);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: 'expired_key' } });
  });

  it('keeps the JSON protections and error shapes with the raw body kept', async () => {
    const poisoned = '{"requestId":"p-1","__proto__":{"x":1}}';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settlements',
      payload: poisoned,
      headers: signedHeaders('POST', '/api/v1/settlements', poisoned, c001),
    });
    expect(res.statusCode).toBe(400);
    const malformed = '{"requestId":';
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settlements',
      payload: malformed,
      headers: signedHeaders('POST', '/api/v1/settlements', malformed, c001),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'malformed_json' } });
  });

  it.runIf(driver.kind === 'postgres')(
    'agrees across processes: a nonce used on one is a replay on another; a revocation reaches it within the bound',
    async () => {
      const other = await t.another();
      const request = signedRequest('POST', '/api/v1/settlements', primaryVisit('two-proc-1'), c001);
      expect((await t.app.inject(request)).statusCode).toBe(201);
      const replay = await other.inject(request);
      expect(replay.json()).toMatchObject({ error: { code: 'replayed_nonce' } });

      const k = await issue(t.app, 'C001', '第二进程');
      expect(
        (await other.inject(signedRequest('POST', '/api/v1/settlements', primaryVisit('two-proc-2'), k)))
          .statusCode,
      ).toBe(201);
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/institutions/C001/credentials/${k.keyId}/revocation`,
        payload: { reason: '泄露' },
        headers: { 'x-test-as': 'officer:admin' },
      });
      await new Promise((r) => setTimeout(r, CREDENTIAL_CACHE_MS + 100));
      const after = await other.inject(
        signedRequest('POST', '/api/v1/settlements', primaryVisit('two-proc-3'), k),
      );
      expect(after.json()).toMatchObject({ error: { code: 'revoked_key' } });
    },
  );
});
