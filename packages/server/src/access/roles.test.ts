// Each role reaches what access/permissions.ts gives it and nothing more, signed in for real (issue
// 13): one account per role opened by an admin, a few routes per role, the statuses expected. A
// 机构用户 sees its own institution's settlements only. And no password, typed or generated, is
// ever in an answer or the service's log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AccountWithPassword, Page, SettlementSummary } from '@yibao/api';
import type { Role } from '@yibao/api/constants';
import { testDrivers } from '../db/testing.js';
import { build } from '../http/app.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { withClaimsAsCatalogue } from '../testing/claims-catalogue.js';
import { hospitalVisit, primaryVisit, registerFixtures } from '../testing/fixtures.js';
import { signInOfficer, type SignedInOfficer } from '../testing/officers.js';
import { createAdmin } from './accounts.js';

type Check = readonly [method: 'GET' | 'POST', url: string, expected: Partial<Record<Role, number>>];

const person = (id: string) => ({
  id,
  name: '角色试写',
  scheme: 'resident',
  category: 'adult',
  region: 'demo',
});

/** What each role may reach; a role not named gets 403. */
const CHECKS: readonly Check[] = [
  ['GET', '/api/v1/persons', { officer: 200, reviewer: 200, auditor: 200 }],
  ['GET', '/api/v1/institutions', { officer: 200, reviewer: 200, finance: 200, auditor: 200, admin: 200 }],
  ['GET', '/api/v1/dashboard', { officer: 200, reviewer: 200, finance: 200, auditor: 200, analyst: 200 }],
  [
    'GET',
    '/api/v1/catalogue',
    {
      officer: 200,
      reviewer: 200,
      finance: 200,
      auditor: 200,
      admin: 200,
      analyst: 200,
      institution_user: 200,
    },
  ],
  [
    'GET',
    '/api/v1/policy/regions',
    {
      officer: 200,
      reviewer: 200,
      finance: 200,
      auditor: 200,
      admin: 200,
      analyst: 200,
      institution_user: 200,
    },
  ],
  ['GET', '/api/v1/accounts', { admin: 200 }],
  [
    'GET',
    '/api/v1/settlements',
    { officer: 200, reviewer: 200, finance: 200, auditor: 200, institution_user: 200 },
  ],
  [
    'GET',
    '/api/v1/session',
    {
      officer: 200,
      reviewer: 200,
      finance: 200,
      auditor: 200,
      admin: 200,
      analyst: 200,
      institution_user: 200,
    },
  ],
  // Writes: only an officer registers a person; an auditor changes nothing.
  ['POST', '/api/v1/persons', { officer: 201 }],
];

const ROLES_UNDER_TEST: readonly Role[] = [
  'officer',
  'reviewer',
  'finance',
  'auditor',
  'admin',
  'analyst',
  'institution_user',
];

describe.each(testDrivers())('each role signed in on $kind', (driver) => {
  let t: TestApp;
  let open: FastifyInstance;
  let logged = '';
  const answers: string[] = [];
  const passwords: string[] = [];
  const as = new Map<Role, SignedInOfficer>();
  let otherSettlement = '';

  beforeAll(async () => {
    const policy = loadPolicy(repositoryPolicyDir());
    t = await createTestApp(driver, { enforceAccess: true });
    open = await build({
      db: t.db,
      calculate: policy.calculate,
      regions: policy.regions,
      policy,
      open: true,
    });
    withClaimsAsCatalogue(open, t.db);
    await registerFixtures(open);
    // Settlements at C001 (the 机构用户's own) and at H002 (another's).
    const own = await open.inject({
      method: 'POST',
      url: '/api/v1/settlements',
      payload: primaryVisit('iu-own-1'),
    });
    expect(own.statusCode, own.body).toBe(201);
    const other = await open.inject({
      method: 'POST',
      url: '/api/v1/settlements',
      payload: hospitalVisit('iu-other-1', 'E001', 300),
    });
    expect(other.statusCode, other.body).toBe(201);
    otherSettlement = other.json<{ settlementId: string }>().settlementId;
  });
  afterAll(async () => {
    await open.close();
    await t.dispose();
  });

  it('opens one account per role and signs each in (the service logging everything meanwhile)', async () => {
    // A second app on the same database with its log kept: every line of it is read at the end.
    const policy = loadPolicy(repositoryPolicyDir());
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const app = await build({
      db: t.db,
      calculate: policy.calculate,
      regions: policy.regions,
      policy,
      logger: { level: 'trace', stream: sink },
    });
    try {
      const { password } = await createAdmin(t.db, { username: 'keeper', operator: 'tester' });
      passwords.push(password);
      const keeper = await signInOfficer(app, 'keeper', password);
      answers.push(JSON.stringify(keeper.answer));
      for (const role of ROLES_UNDER_TEST) {
        const res = await keeper.call('POST', '/api/v1/accounts', {
          username: `as-${role.replace('_', '-')}`,
          displayName: role,
          roles: [role],
          ...(role === 'institution_user' ? { institutionId: 'C001' } : {}),
        });
        expect(res.statusCode, res.body).toBe(201);
        answers.push(res.body);
        const made = res.json<AccountWithPassword>();
        passwords.push(made.password);
        const signedIn = await signInOfficer(app, made.account.username, made.password);
        answers.push(JSON.stringify(signedIn.answer));
        as.set(role, await signInOfficer(t.app, made.account.username, made.password));
      }
      // A wrong password, a weak new one, a reset: none of them may be echoed either.
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'keeper', password: 'Wrong-Secret-123456' },
      });
      answers.push(wrong.body);
      passwords.push('Wrong-Secret-123456');
      const officer = as.get('officer');
      const weak = await keeper.call('POST', '/api/v1/session/password', {
        currentPassword: password,
        newPassword: 'tiny-secret',
      });
      answers.push(weak.body);
      passwords.push('tiny-secret');
      const target = officer?.answer.account.id ?? '';
      const reset = await keeper.call('POST', `/api/v1/accounts/${target}/password-reset`);
      expect(reset.statusCode).toBe(200);
      answers.push(reset.body);
      const fresh = reset.json<AccountWithPassword>().password;
      passwords.push(fresh);
      as.set('officer', await signInOfficer(t.app, 'as-officer', fresh));
      answers.push((await keeper.call('GET', '/api/v1/accounts')).body);
    } finally {
      await app.close();
    }
    expect(as.size).toBe(ROLES_UNDER_TEST.length);
  });

  it('never puts a password or its hash in an answer or in the log', async () => {
    expect(logged).toContain('"url":"/api/v1/session"'); // the log did record the sign-ins
    const hashes = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM accounts');
    expect(hashes.length).toBeGreaterThan(ROLES_UNDER_TEST.length);
    // Only the answers that generated a password show that one password, once.
    const generatedOnce = answers.filter((a) => a.includes('"password"'));
    expect(generatedOnce.length).toBe(ROLES_UNDER_TEST.length + 1);
    for (const secret of passwords) {
      expect(logged).not.toContain(secret);
      expect(answers.filter((a) => a.includes(secret)).length).toBeLessThanOrEqual(1);
    }
    for (const { password_hash } of hashes) {
      expect(password_hash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
      const key = password_hash.split('$')[3] ?? '';
      expect(logged).not.toContain(key);
      for (const a of answers) expect(a).not.toContain(key);
    }
    for (const a of answers) expect(a).not.toMatch(/password_?hash/i);
  });

  it.each(ROLES_UNDER_TEST)('lets %s reach its routes and no others', async (role) => {
    const officer = as.get(role);
    if (officer === undefined) throw new Error(`${role} was not signed in`);
    for (const [method, url, expected] of CHECKS) {
      const res =
        method === 'GET'
          ? await officer.call('GET', url)
          : await officer.call('POST', url, person(`RL-${role.slice(0, 6)}`));
      expect(res.statusCode, `${role} ${method} ${url}: ${res.body}`).toBe(expected[role] ?? 403);
    }
  });

  it('keeps a 机构用户 to its own institution’s settlements', async () => {
    const iu = as.get('institution_user');
    if (iu === undefined) throw new Error('no institution user');
    expect(iu.answer.account.institutionId).toBe('C001');
    const list = await iu.call('GET', '/api/v1/settlements');
    expect(list.statusCode).toBe(200);
    const page = list.json<Page<SettlementSummary>>();
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((s) => s.institutionId))).toEqual(new Set(['C001']));
    const another = await iu.call('GET', '/api/v1/settlements?institutionId=H002');
    expect(another.statusCode).toBe(403);
    expect(another.json()).toMatchObject({ error: { code: 'other_institution' } });
    const record = await iu.call('GET', `/api/v1/settlements/${otherSettlement}`);
    expect(record.statusCode).toBe(403);
    expect(record.json()).toMatchObject({ error: { code: 'other_institution' } });
    // The registry is closed to it, its own institution's record included.
    expect((await iu.call('GET', '/api/v1/persons/R001')).statusCode).toBe(403);
  });
});
