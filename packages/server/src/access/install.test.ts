// The access layer itself (issue 13): default deny, permissions by role, institutions kept to their
// own records. The credentials' schemes are tested beside their own authenticators; here a test
// authenticator stands for "a verified identity" so the rules are tested apart from the proofs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { INSTITUTIONS, PERSONS, primaryVisit } from '../testing/fixtures.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';
import { ROUTE_ACCESS } from './route-table.js';
import type { Role } from '@yibao/api/constants';

/** `x-test-as: officer:<role>[@institution]` or `institution:<id>`: what a real scheme would have verified. */
const testAuthenticator: Authenticator = {
  name: 'test',
  applies: (request) => typeof request.headers['x-test-as'] === 'string',
  authenticate: (request: FastifyRequest): Promise<Identity> => Promise.resolve(identityFor(request)),
};

function identityFor(request: FastifyRequest): Identity {
  {
    const as = String(request.headers['x-test-as']);
    const [kind, rest = ''] = as.split(':');
    if (kind === 'institution') return { kind: 'institution', institutionId: rest, keyId: 'k1', via: 'hmac' };
    if (kind === 'open') return { kind: 'open' };
    const [role, institutionId] = rest.split('@');
    return {
      kind: 'officer',
      accountId: `a-${role}`,
      username: role ?? '',
      roles: [role as Role],
      institutionId: institutionId ?? null,
      via: 'bearer',
    };
  }
}

describe.each(testDrivers())('access control on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { enforceAccess: true, authenticators: [testAuthenticator] });
    for (const payload of INSTITUTIONS)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/institutions',
        payload,
        headers: { 'x-test-as': 'open' },
      });
    for (const payload of PERSONS)
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        payload,
        headers: { 'x-test-as': 'open' },
      });
  });
  afterAll(async () => t.dispose());

  const count = async (sql: string): Promise<number> => (await t.db.query<{ n: number }>(sql))[0]?.n ?? -1;
  const call = (method: 'GET' | 'POST', url: string, as?: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: as ? { 'x-test-as': as } : {} });

  it('refuses an anonymous caller everything private (401) and answers what is public', async () => {
    for (const url of [
      '/api/v1/persons',
      '/api/v1/settlements',
      '/api/v1/institutions',
      '/api/v1/dashboard',
    ]) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    expect((await call('POST', '/api/v1/settlements', undefined, primaryVisit('anon-1'))).statusCode).toBe(
      401,
    );
    expect((await call('GET', '/api/v1/public/designated-institutions')).statusCode).toBe(200);
    expect((await call('GET', '/healthz')).statusCode).toBe(200);
  });

  it('lets each role do its work and nothing else (403 names the missing permission)', async () => {
    expect((await call('GET', '/api/v1/persons', 'officer:officer')).statusCode).toBe(200);
    const audited = await call('POST', '/api/v1/persons', 'officer:auditor', {
      id: 'X900',
      name: '稽核试写',
      scheme: 'resident',
      category: 'adult',
      region: 'demo',
    });
    expect(audited.statusCode).toBe(403);
    expect(audited.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await count("SELECT count(*)::int AS n FROM persons WHERE id = 'X900'")).toBe(0);
    // 管理员 keeps the system's keys, not the insured's data.
    expect((await call('GET', '/api/v1/persons', 'officer:admin')).statusCode).toBe(403);
    // Officers do not settle: that is an institution's system's act.
    expect(
      (await call('POST', '/api/v1/settlements', 'officer:officer', primaryVisit('off-1'))).statusCode,
    ).toBe(403);
  });

  it("keeps an institution to its own visits: B's settlement with A's credential is a 403 and stores nothing", async () => {
    const res = await call('POST', '/api/v1/settlements', 'institution:H001', primaryVisit('cross-1'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'other_institution', field: 'institutionId' } });
    expect(
      await count("SELECT count(*)::int AS n FROM settlement_requests WHERE request_id = 'cross-1'"),
    ).toBe(0);

    const own = await call('POST', '/api/v1/settlements', 'institution:C001', primaryVisit('own-1'));
    expect(own.statusCode).toBe(201);
    const id = own.json<{ settlementId: string }>().settlementId;
    expect((await call('GET', `/api/v1/settlements/${id}`, 'institution:C001')).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/settlements/${id}`, 'institution:H001')).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/settlements/${id}/visit`, 'institution:H001')).statusCode).toBe(403);
    const reversal = await call('POST', `/api/v1/settlements/${id}/reversal`, 'institution:H001', {
      requestId: 'rev-cross-1',
    });
    expect(reversal.statusCode).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM settlements WHERE reverses IS NOT NULL')).toBe(0);
    // Lists are its own; another's filter is refused; the registry is closed to it.
    const list = await call('GET', '/api/v1/settlements', 'institution:C001');
    expect(list.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/settlements?institutionId=H001', 'institution:C001')).statusCode).toBe(
      403,
    );
    expect((await call('GET', '/api/v1/institutions', 'institution:C001')).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/persons/R001', 'institution:C001')).statusCode).toBe(403);
    expect(
      (await call('GET', '/api/v1/persons/R001/accumulators?year=2026', 'institution:C001')).statusCode,
    ).toBe(200);
  });

  it('names every /api/v1 route it registers (a route outside the table would not start)', () => {
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('api/v1');
    for (const key of Object.keys(ROUTE_ACCESS))
      expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\//);
  });
});
