// 拨付放行 (issue 13 §2, two-person rule for money): a monthly run is released for transfer once, by
// a finance officer other than its maker; the maker, another role, a second release are refused.
import type { Role } from '@yibao/api/constants';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../access/identity.js';
import type { Authenticator } from '../access/install.js';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';

/** `x-test-as: <role>:<username>`: an officer the real schemes would have verified. */
const asOfficer: Authenticator = {
  name: 'test',
  applies: (request) => typeof request.headers['x-test-as'] === 'string',
  authenticate: (request: FastifyRequest): Promise<Identity> => {
    const [role, username] = String(request.headers['x-test-as']).split(':');
    return Promise.resolve({
      kind: 'officer',
      accountId: `a-${username ?? ''}`,
      username: username ?? '',
      roles: [role as Role],
      institutionId: null,
      via: 'session',
    });
  },
};

describe.each(testDrivers())('payment run release on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { enforceAccess: true, authenticators: [asOfficer] });
    // A run as the monthly run stores it, made by finance officer 张 (its content is not what is tested).
    await t.db.query(
      `INSERT INTO payment_monthly_runs (id, year, month, policy_version, run, inputs, made_by)
       VALUES ('RUN-1', 2026, 3, 'v1', '{}'::json, '{}'::json, 'officer:zhang')`,
    );
  });
  afterAll(async () => t.dispose());

  const release = (as: string, id = 'RUN-1') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/payments/monthly-runs/${id}/release`,
      payload: { reason: '核对拨付清单无误' },
      headers: { 'x-test-as': as },
    });

  it('refuses the maker (403 same_person), another role (403), an unknown run (404)', async () => {
    const own = await release('finance:zhang');
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { code: 'same_person' } });
    expect((await release('officer:wang')).statusCode).toBe(403);
    expect((await release('finance:li', 'NO-SUCH')).statusCode).toBe(404);
    const none = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM payment_run_releases');
    expect(none[0]?.n).toBe(0);
  });

  it('releases once by a second finance officer, then refuses another release (409)', async () => {
    const ok = await release('finance:li');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      runId: 'RUN-1',
      madeBy: 'officer:zhang',
      releasedBy: 'officer:li',
      reason: '核对拨付清单无误',
    });
    const again = await release('finance:zhao');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'already_released' } });
  });
});
