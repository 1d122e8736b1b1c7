// Test support: the real app on a fresh database of one driver, with the repository's policy.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/types.js';
import type { TestDatabase, TestDriver } from '../db/testing.js';
import { build, type BuildOptions } from '../http/app.js';
import { repositoryPolicyDir } from '../policy-release/load.js';
import { loadPolicy } from '../settle/calculator.js';
import { withClaimsAsCatalogue } from './claims-catalogue.js';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  testDb: TestDatabase;
  /** A second app on its own connection pool (PostgreSQL): another service process. */
  another(): Promise<FastifyInstance>;
  dispose(): Promise<void>;
}

/**
 * Delays every statement by a random few milliseconds, so concurrent requests interleave their
 * reads and writes even on the in-process PGlite (where they would otherwise tend to run one
 * after the other and hide a race).
 */
export function withJitter(db: Database): Database {
  const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
  const jittered: Database = {
    kind: db.kind,
    async query(sql, params, name) {
      await pause();
      return db.query(sql, params, name);
    },
    transaction: (work) => db.transaction(work),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
  return jittered;
}

export interface TestAppOptions {
  jitter?: boolean;
  /** Record each settled line's claimed class, ratio, limits as the catalogue (default true): testing/claims-catalogue.ts. */
  claimsAsCatalogue?: boolean;
  /**
   * Enforce access control (default false: tests that are not about access run as `serve --open`
   * does; access tests set true and obtain credentials the documented way).
   */
  enforceAccess?: boolean;
  authenticators?: BuildOptions['authenticators'];
  security?: BuildOptions['security'];
}

export async function createTestApp(driver: TestDriver, options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await driver.create();
  const policy = loadPolicy(repositoryPolicyDir());
  const apps: FastifyInstance[] = [];
  const make = async (db: Database): Promise<FastifyInstance> => {
    const appDb = options.jitter === true ? withJitter(db) : db;
    const app = await build({
      db: appDb,
      calculate: policy.calculate,
      regions: policy.regions,
      policy,
      open: options.enforceAccess !== true,
      ...(options.authenticators !== undefined ? { authenticators: options.authenticators } : {}),
      ...(options.security !== undefined ? { security: options.security } : {}),
    });
    apps.push(app);
    if (options.claimsAsCatalogue !== false) withClaimsAsCatalogue(app, appDb);
    return app;
  };
  let app: FastifyInstance;
  try {
    app = await make(testDb.db);
  } catch (err) {
    // A test file that cannot start must not leave its schema behind.
    await testDb.dispose();
    throw err;
  }
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
