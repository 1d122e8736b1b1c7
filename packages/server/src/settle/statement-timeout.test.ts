// A database that stalls must not hold the hospital's system: the settlement path's statements
// have a timeout, the caller gets 503 `timeout`, nothing is written, and the same requestId
// settles once the database answers again. PostgreSQL only (the timeout is the PostgreSQL driver's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../testing/json.js';
import { testDrivers, type TestDatabase } from '../db/testing.js';
import type { Database } from '../db/types.js';
import type { FastifyInstance } from 'fastify';
import { build } from '../http/app.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from './calculator.js';
import { primaryVisit, registerFixtures } from '../testing/fixtures.js';

const postgres = testDrivers().filter((d) => d.kind === 'postgres');

describe.runIf(postgres.length > 0)('the settlement path on a stalled PostgreSQL', () => {
  let t: TestDatabase;
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await (postgres[0] as (typeof postgres)[number]).create();
    db = await t.openAnother({ statementTimeoutMs: 300 });
    const policy = loadPolicy(repositoryPolicyDir());
    app = await build({ db, calculate: policy.calculate, regions: policy.regions, policy, open: true });
    await registerFixtures(app);
  });
  afterAll(async () => {
    await app.close();
    await t.dispose();
  });

  it('answers 503 timeout, writes nothing, and settles the same requestId afterwards', async () => {
    const body = primaryVisit('stall-1', 'R001', '2026-04-01');
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Another session holds the person's account row: the settlement's write has to wait for it.
    let locked = (): void => undefined;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = t.db.transaction(async (tx) => {
      await tx.query("SELECT 1 FROM person_accounts WHERE person_id = 'R001' FOR UPDATE");
      locked();
      await released;
    });
    await isLocked;

    const stalled = await app.inject({ method: 'POST', url: '/api/v1/settlements', payload: body });
    expect(stalled.statusCode).toBe(503);
    const error = stalled.json<ErrorBody>().error;
    expect(error.code).toBe('timeout');
    expect(error.field).toBeNull();
    const stored = await t.db.query("SELECT 1 FROM settlements WHERE request_id = 'stall-1'");
    expect(stored).toEqual([]);

    release();
    await holder;
    const retried = await app.inject({ method: 'POST', url: '/api/v1/settlements', payload: body });
    expect(retried.statusCode).toBe(201);
  });
});
