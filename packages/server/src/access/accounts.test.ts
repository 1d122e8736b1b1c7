// Officers' accounts, sessions and tokens through the service as the console and scripts use it
// (issue 13 part 2): the first admin made the documented way (createAdmin, what `yibao admin
// create` calls), everyone else opened by that admin, every request authenticated by the default
// authenticators (session cookie, bearer token) — no test authenticator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AccountWithPassword, IssuedToken, SessionAnswer } from '@yibao/api';
import { testDrivers } from '../db/testing.js';
import { build } from '../http/app.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { registerFixtures } from '../testing/fixtures.js';
import { sessionCookieOf, signInOfficer, withToken, type SignedInOfficer } from '../testing/officers.js';
import { createAdmin } from './accounts.js';
import { SESSION_COOKIE } from './sessions.js';

describe.each(testDrivers())('officers’ accounts, sessions and tokens on $kind', (driver) => {
  let t: TestApp;
  let open: FastifyInstance; // `serve --open` over the same database: the fixtures
  let root: SignedInOfficer;
  let rootPassword: string;

  beforeAll(async () => {
    t = await createTestApp(driver, { enforceAccess: true });
    const policy = loadPolicy(repositoryPolicyDir());
    open = await build({
      db: t.db,
      calculate: policy.calculate,
      regions: policy.regions,
      policy,
      open: true,
    });
    await registerFixtures(open);
    const made = await createAdmin(t.db, { username: 'root', displayName: '系统管理员', operator: 'tester' });
    rootPassword = made.password;
    root = await signInOfficer(t.app, 'root', rootPassword);
  });
  afterAll(async () => {
    await open.close();
    await t.dispose();
  });

  const signIn = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, headers });
  const errorCode = (res: LightMyRequestResponse): unknown =>
    res.json<{ error: { code: string } }>().error.code;

  /** An account opened by root; its generated password. */
  async function openAccount(body: object): Promise<AccountWithPassword> {
    const res = await root.call('POST', '/api/v1/accounts', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<AccountWithPassword>();
  }

  it('makes the first admin from the command line: created by cli:<operator>, a generated password that signs in', async () => {
    expect(root.answer.account).toMatchObject({ username: 'root', roles: ['admin'], institutionId: null });
    const account = (await root.call('GET', `/api/v1/accounts/${root.answer.account.id}`)).json<{
      createdBy: string;
    }>();
    expect(account.createdBy).toBe('cli:tester');
    expect(rootPassword.length).toBeGreaterThanOrEqual(12);
    await expect(createAdmin(t.db, { username: 'root', operator: 'tester' })).rejects.toMatchObject({
      code: 'username_taken',
    });
    await expect(
      createAdmin(t.db, { username: 'weak', password: 'short', operator: 'tester' }),
    ).rejects.toMatchObject({ code: 'weak_password', field: 'password' });
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie, answers who is signed in, and signs out for good', async () => {
    const res = await signIn('root', rootPassword);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    // Plain HTTP to a loopback name (development) is not Secure; any other name is.
    expect(setCookie).not.toMatch(/Secure/i);
    const remote = await signIn('root', rootPassword, { host: 'yibao.example.org' });
    expect(String(remote.headers['set-cookie'])).toMatch(/Secure/i);

    const answer = res.json<SessionAnswer>();
    expect(answer.account).toMatchObject({ username: 'root', displayName: '系统管理员', roles: ['admin'] });
    expect(answer.csrfToken).toEqual(expect.any(String));
    const cookie = `${SESSION_COOKIE}=${sessionCookieOf(res) ?? ''}`;

    const whoami = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(whoami.statusCode).toBe(200);
    expect(whoami.json()).toEqual(answer);

    // Signing out is a write: the CSRF token is needed, so another site cannot sign the officer out.
    const forged = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(forged.statusCode).toBe(403);
    expect(errorCode(forged)).toBe('csrf');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie, 'x-csrf-token': answer.csrfToken ?? '' },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(
      new RegExp(`${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`),
    );
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe('session_expired');
    // Without any credential: 401.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown username alike (401 invalid_credentials), setting no cookie', async () => {
    const wrong = await signIn('root', 'not-the-password-at-all');
    const unknown = await signIn('nobody-here', 'not-the-password-at-all');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'invalid_credentials', message: '登录名或密码不正确', field: null },
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    // root's count starts again with its next good sign-in.
    await signInOfficer(t.app, 'root', rootPassword);
  });

  it('locks an account after 5 wrong passwords in a row for 15 minutes, in the database; an admin unlocks it', async () => {
    const { account, password } = await openAccount({
      username: 'locky',
      displayName: '锁定测试',
      roles: ['officer'],
    });
    for (let i = 1; i <= 4; i++) {
      const res = await signIn('locky', `wrong-password-${i}`);
      expect(errorCode(res), `attempt ${i}`).toBe('invalid_credentials');
    }
    const fifth = await signIn('locky', 'wrong-password-5');
    expect(fifth.statusCode).toBe(401);
    expect(errorCode(fifth)).toBe('account_locked');
    // The right password is refused while locked, by this process and by another one.
    const right = await signIn('locky', password);
    expect(right.statusCode).toBe(401);
    expect(errorCode(right)).toBe('account_locked');
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another service process: on PostgreSQL its own pool; PGlite lives in one process, so another app on it.
    const other = driver.kind === 'postgres' ? await t.another() : open;
    const elsewhere = await other.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'locky', password },
    });
    expect(errorCode(elsewhere)).toBe('account_locked');
    const seen = (await root.call('GET', `/api/v1/accounts/${account.id}`)).json<{
      lockedUntil: string | null;
    }>();
    expect(seen.lockedUntil).not.toBeNull();

    // Only an admin unlocks (the officer's own kind cannot).
    const unlocked = await root.call('POST', `/api/v1/accounts/${account.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ lockedUntil: null, failedSignIns: 0 });
    expect((await signIn('locky', password)).statusCode).toBe(200);
  });

  it('refuses a write made with the session cookie but without its CSRF token (403 csrf), and writes nothing', async () => {
    const { password } = await openAccount({
      username: 'clerk',
      displayName: '经办员甲',
      roles: ['officer'],
    });
    const clerk = await signInOfficer(t.app, 'clerk', password);
    const person = { id: 'C900', name: '跨站试写', scheme: 'resident', category: 'adult', region: 'demo' };
    for (const token of [undefined, 'not-the-token']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        payload: person,
        headers: { cookie: clerk.cookie, ...(token !== undefined ? { 'x-csrf-token': token } : {}) },
      });
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('csrf');
    }
    const count = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons WHERE id = 'C900'`);
    expect(count[0]?.n).toBe(0);
    // Reads need no token; the same write with it is done.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/persons', headers: { cookie: clerk.cookie } }))
        .statusCode,
    ).toBe(200);
    expect((await clerk.call('POST', '/api/v1/persons', person)).statusCode).toBe(201);
  });

  it('issues a bearer token once (kept as its hash), which works without CSRF until revoked', async () => {
    const { password } = await openAccount({ username: 'scripter', displayName: '脚本', roles: ['officer'] });
    const me = await signInOfficer(t.app, 'scripter', password);
    const tooLong = await me.call('POST', '/api/v1/tokens', { name: '对账脚本', expiresInDays: 91 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ error: { field: 'expiresInDays' } });

    const res = await me.call('POST', '/api/v1/tokens', { name: '对账脚本', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const issued = res.json<IssuedToken>();
    expect(issued.token).toMatch(/^ybt_[A-Za-z0-9_-]{40,}$/);
    const days = (Date.parse(issued.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const stored = await t.db.query<{ token_hash: string }>(
      `SELECT token_hash FROM api_tokens WHERE id = $1`,
      [issued.id],
    );
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(issued.token.slice(4));

    // A write with the token needs no CSRF token; the identity is the account's.
    const whoami = await withToken(t.app, issued.token, 'GET', '/api/v1/session');
    expect(whoami.json()).toMatchObject({ account: { username: 'scripter' }, csrfToken: null });
    const write = await withToken(t.app, issued.token, 'POST', '/api/v1/persons', {
      id: 'T900',
      name: '令牌登记',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
    });
    expect(write.statusCode).toBe(201);
    // A token does not make tokens.
    const minted = await withToken(t.app, issued.token, 'POST', '/api/v1/tokens', {
      name: 'x',
      expiresInDays: 90,
    });
    expect(minted.statusCode).toBe(403);
    expect(errorCode(minted)).toBe('session_required');

    const list = await me.call('GET', '/api/v1/tokens');
    expect(list.json()).toMatchObject({ items: [{ id: issued.id, name: '对账脚本', revokedAt: null }] });
    expect(list.body).not.toContain(issued.token);
    // Another officer cannot revoke it (not found), its owner can.
    expect((await root.call('POST', `/api/v1/tokens/${issued.id}/revocation`)).statusCode).toBe(404);
    const revoked = await me.call('POST', `/api/v1/tokens/${issued.id}/revocation`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: issued.id, revokedAt: expect.any(String) });
    const after = await withToken(t.app, issued.token, 'GET', '/api/v1/persons');
    expect(after.statusCode).toBe(401);
    expect(errorCode(after)).toBe('invalid_token');
    expect((await withToken(t.app, 'ybt_made-up', 'GET', '/api/v1/persons')).statusCode).toBe(401);
  });

  it('stops a disabled account at once: its session, its tokens and its sign-in', async () => {
    const { account, password } = await openAccount({
      username: 'leaver',
      displayName: '离职',
      roles: ['officer'],
    });
    const leaver = await signInOfficer(t.app, 'leaver', password);
    const token = (
      await leaver.call('POST', '/api/v1/tokens', { name: 't', expiresInDays: 1 })
    ).json<IssuedToken>().token;
    expect((await leaver.call('GET', '/api/v1/persons')).statusCode).toBe(200);

    const noReason = await root.call('POST', `/api/v1/accounts/${account.id}/disable`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { field: 'reason' } });
    const disabled = await root.call('POST', `/api/v1/accounts/${account.id}/disable`, { reason: '调离' });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ status: 'disabled' });

    expect((await leaver.call('GET', '/api/v1/persons')).statusCode).toBe(401);
    expect((await withToken(t.app, token, 'GET', '/api/v1/persons')).statusCode).toBe(401);
    const again = await signIn('leaver', password);
    expect(again.statusCode).toBe(401);
    expect(errorCode(again)).toBe('account_disabled');
    // A wrong password on a disabled account says no more than on any other.
    expect(errorCode(await signIn('leaver', 'wrong-password-x'))).toBe('invalid_credentials');

    // Enabled again: it signs in; the old token stays revoked.
    expect(
      (await root.call('POST', `/api/v1/accounts/${account.id}/enable`, { reason: '返岗' })).statusCode,
    ).toBe(200);
    expect((await signIn('leaver', password)).statusCode).toBe(200);
    expect((await withToken(t.app, token, 'GET', '/api/v1/persons')).statusCode).toBe(401);
  });

  it('keeps an admin: none disables themself, the last active admin keeps the role', async () => {
    const self = await root.call('POST', `/api/v1/accounts/${root.answer.account.id}/disable`, {
      reason: '试',
    });
    expect(self.statusCode).toBe(409);
    expect(errorCode(self)).toBe('own_account');
    const last = await root.call('PUT', `/api/v1/accounts/${root.answer.account.id}/roles`, {
      roles: ['officer'],
      reason: '试',
    });
    expect(last.statusCode).toBe(409);
    expect(errorCode(last)).toBe('last_admin');

    const second = await openAccount({ username: 'admin2', displayName: '管理员乙', roles: ['admin'] });
    const changed = await root.call('PUT', `/api/v1/accounts/${second.account.id}/roles`, {
      roles: ['auditor'],
      reason: '转岗稽核',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ roles: ['auditor'] });
    // The change holds on the account's next request: its session is an auditor's now.
    const admin2 = await signInOfficer(t.app, 'admin2', second.password);
    expect(admin2.answer.account.roles).toEqual(['auditor']);
    expect((await admin2.call('GET', '/api/v1/accounts')).statusCode).toBe(403);
  });

  it('binds a 机构用户 to one registered institution and gives it no other role', async () => {
    const cases: Array<[object, string, string]> = [
      [{ roles: ['institution_user'] }, 'institutionId', 'institution_required'],
      [{ roles: ['institution_user', 'officer'], institutionId: 'C001' }, 'roles', 'institution_user_alone'],
      [{ roles: ['officer'], institutionId: 'C001' }, 'institutionId', 'institution_not_allowed'],
      [{ roles: ['institution_user'], institutionId: 'NOPE' }, 'institutionId', 'not_found'],
    ];
    for (const [body, field, code] of cases) {
      const res = await root.call('POST', '/api/v1/accounts', {
        username: 'iu-x',
        displayName: '机构',
        ...body,
      });
      expect(res.json(), JSON.stringify(body)).toMatchObject({ error: { code, field } });
    }
    const taken = await root.call('POST', '/api/v1/accounts', {
      username: 'root',
      displayName: 'x',
      roles: ['officer'],
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'username_taken', field: 'username' } });
  });

  it('changes one’s own password: the current one first, the rules, the other sessions end', async () => {
    const { password } = await openAccount({ username: 'changer', displayName: '改密', roles: ['reviewer'] });
    const here = await signInOfficer(t.app, 'changer', password);
    const there = await signInOfficer(t.app, 'changer', password);
    const wrong = await here.call('POST', '/api/v1/session/password', {
      currentPassword: 'not-my-password',
      newPassword: 'a-new-long-password',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: 'wrong_password', field: 'currentPassword' } });
    for (const [newPassword, code] of [
      ['short', 'weak_password'],
      ['changer', 'weak_password'],
      ['CHANGER', 'weak_password'],
      [password, 'same_password'],
    ] as const) {
      const res = await here.call('POST', '/api/v1/session/password', {
        currentPassword: password,
        newPassword,
      });
      expect(res.json(), newPassword).toMatchObject({ error: { code, field: 'newPassword' } });
    }
    const done = await here.call('POST', '/api/v1/session/password', {
      currentPassword: password,
      newPassword: 'correct horse battery staple',
    });
    expect(done.statusCode).toBe(204);
    expect((await here.call('GET', '/api/v1/session')).statusCode).toBe(200);
    expect((await there.call('GET', '/api/v1/session')).statusCode).toBe(401);
    expect(errorCode(await signIn('changer', password))).toBe('invalid_credentials');
    expect((await signIn('changer', 'correct horse battery staple')).statusCode).toBe(200);
  });

  it('resets a password: a new one shown once, the old one and its sessions gone', async () => {
    const { account, password } = await openAccount({
      username: 'forgot',
      displayName: '忘记',
      roles: ['analyst'],
    });
    const before = await signInOfficer(t.app, 'forgot', password);
    const res = await root.call('POST', `/api/v1/accounts/${account.id}/password-reset`, { reason: '遗忘' });
    expect(res.statusCode).toBe(200);
    const reset = res.json<AccountWithPassword>();
    expect(reset.password).not.toBe(password);
    expect((await before.call('GET', '/api/v1/session')).statusCode).toBe(401);
    expect(errorCode(await signIn('forgot', password))).toBe('invalid_credentials');
    expect((await signIn('forgot', reset.password)).statusCode).toBe(200);
  });

  it('counts wrong passwords sent at once exactly: the fifth locks, the rest are refused as locked', async () => {
    const { password } = await openAccount({ username: 'rushed', displayName: '并发', roles: ['finance'] });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signIn('rushed', `wrong-password-${i}`)),
    );
    const codes = answers.map(errorCode);
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(4);
    expect(codes.filter((c) => c === 'account_locked')).toHaveLength(4);
    expect(errorCode(await signIn('rushed', password))).toBe('account_locked');
  });

  it('describes the session, token and account endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const path of [
      '/api/v1/session',
      '/api/v1/session/password',
      '/api/v1/tokens',
      '/api/v1/tokens/{id}/revocation',
      '/api/v1/accounts',
      '/api/v1/accounts/{id}/roles',
      '/api/v1/accounts/{id}/password-reset',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it('tells the console under `serve --open` that every agency role is granted, with no CSRF token', async () => {
    const res = await open.inject({ method: 'GET', url: '/api/v1/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ account: { username: 'open', institutionId: null }, csrfToken: null });
  });
});
