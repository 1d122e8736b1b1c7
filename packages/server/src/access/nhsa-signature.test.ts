// The national gateway's x-tif-* scheme on /nhsa (issue 13). No /nhsa route exists yet (issue 14
// builds them), so the test registers one of its own and names it in the route table for the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCredential } from '@yibao/api';
import { testDrivers } from '../db/testing.js';
import type { TestApp } from '../testing/app.js';
import { tifHeaders } from '../testing/signed.js';
import { nhsaFailure, nhsaTime } from '../nhsa/envelope.js';
import { appWithSchemes, issue, seedRegistry } from '../testing/credentials.js';
import { allowRouteInTest } from './route-table.js';
import { nowSeconds, sha256Hex, signingKeyOf, tifSignature, TIMESTAMP_WINDOW_SECONDS } from './signing.js';

const URL = '/nhsa/test/callService';
allowRouteInTest(`POST ${URL}`, { permission: 'settle', own: 'handler' });

describe.each(testDrivers())('the x-tif scheme on /nhsa on $kind', (driver) => {
  let t: TestApp;
  let credential: IssuedCredential;
  beforeAll(async () => {
    t = await appWithSchemes(driver);
    // The interface's answer: who the access layer says is calling.
    t.app.post(URL, (request) => ({ infcode: 0, err_msg: '', output: { identity: request.identity } }));
    await seedRegistry(t.app);
    credential = await issue(t.app, 'H001', '院内 HIS 医保接口');
  });
  afterAll(async () => t.dispose());

  const call = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: URL, payload: { infno: '1101', input: {} }, headers });

  it('accepts the gateway’s headers, signed with the credential’s token, as the institution', async () => {
    const res = await call(tifHeaders(credential));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      infcode: 0,
      output: {
        identity: { kind: 'institution', institutionId: 'H001', keyId: credential.keyId, via: 'nhsa' },
      },
    });
    // Upper-case hex, as some clients send it, passes too.
    const upper = tifHeaders(credential);
    upper['x-tif-signature'] = (upper['x-tif-signature'] ?? '').toUpperCase();
    expect((await call(upper)).json()).toMatchObject({ infcode: 0 });
  });

  it('computes the signature as the gateway’s clients do: SHA-256(timestamp + token + nonce + timestamp)', () => {
    const token = signingKeyOf('s3cret');
    expect(tifSignature(token, '1700000000', 'a1b2c3d4')).toBe(
      sha256Hex(`1700000000${token}a1b2c3d41700000000`),
    );
  });

  /** A refusal as the interface answers it: HTTP 200, infcode -1, our code first in err_msg. */
  const refused = async (headers: Record<string, string>, code: string): Promise<void> => {
    const res = await call(headers);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ infcode: number; err_msg: string; output: unknown }>();
    expect(body.infcode).toBe(-1);
    expect(body.err_msg.startsWith(`[${code}] `)).toBe(true);
    expect(body.output).toBeNull();
  };

  it('refuses a bad signature, a replay, a stale timestamp, an unknown or revoked key in the interface’s answer', async () => {
    const good = tifHeaders(credential);
    await refused({ ...good, 'x-tif-signature': sha256Hex('forged') }, 'bad_signature');
    expect((await call(good)).json()).toMatchObject({ infcode: 0 });
    await refused(good, 'replayed_nonce');
    await refused(
      tifHeaders(credential, { timestamp: nowSeconds() - TIMESTAMP_WINDOW_SECONDS - 10 }),
      'stale_timestamp',
    );
    await refused(tifHeaders({ keyId: 'yk_ffffffffffffffffffffffff', secret: 'x' }), 'unknown_key');
    await refused({}, 'unauthenticated');
    // Another secret's token: the signature does not verify.
    await refused(tifHeaders({ keyId: credential.keyId, secret: 'not-the-secret' }), 'bad_signature');

    const doomed = await issue(t.app, 'H001', '旧前置机');
    expect((await call(tifHeaders(doomed))).json()).toMatchObject({ infcode: 0 });
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/H001/credentials/${doomed.keyId}/revocation`,
      payload: { reason: '前置机更换' },
      headers: { 'x-test-as': 'officer:admin' },
    });
    await refused(tifHeaders(doomed), 'revoked_key');
  });

  it('does not take the /api/v1 scheme’s headers on /nhsa, nor x-tif-* on /api/v1', async () => {
    const onApi = await t.app.inject({
      method: 'GET',
      url: '/api/v1/settlements',
      headers: tifHeaders(credential),
    });
    expect(onApi.statusCode).toBe(401);
    expect(onApi.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('writes the interface’s times as yyyyMMddHHmmssSSS in China Standard Time', () => {
    expect(nhsaTime(new Date('2026-03-01T00:00:00.123Z'))).toBe('20260301080000123');
    expect(nhsaFailure('x', 'y', new Date('2026-03-01T00:00:00Z'))).toMatchObject({
      infcode: -1,
      err_msg: '[x] y',
      respond_time: '20260301080000000',
    });
  });
});
