// Test support: the real app on a fresh database of one driver, with the repository's policy.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/types.js';
import type { TestDatabase, TestDriver } from '../db/testing.js';
import { build } from '../http/app.js';
import { loadPolicy } from '../settle/calculator.js';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  testDb: TestDatabase;
  /** A second app on its own connection pool (PostgreSQL): another service process. */
  another(): Promise<FastifyInstance>;
  dispose(): Promise<void>;
}

export async function createTestApp(driver: TestDriver): Promise<TestApp> {
  const testDb = await driver.create();
  const policy = loadPolicy();
  const apps: FastifyInstance[] = [];
  const make = async (db: Database): Promise<FastifyInstance> => {
    const app = await build({ db, calculate: policy.calculate, regions: policy.regions });
    apps.push(app);
    return app;
  };
  const app = await make(testDb.db);
  return {
    app,
    db: testDb.db,
    testDb,
    another: async () => make(await testDb.openAnother()),
    async dispose() {
      for (const a of apps) await a.close();
      await testDb.dispose();
    },
  };
}
