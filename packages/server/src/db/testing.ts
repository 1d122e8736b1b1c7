// Test support: a fresh, migrated database per test file on every driver available — PGlite in
// memory always, PostgreSQL too when DATABASE_URL is set, each run in its own throw-away schema so
// parallel files and reruns never see each other's rows.
import { randomBytes } from 'node:crypto';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Database, DriverKind } from './types.js';

export interface TestDatabase {
  db: Database;
  /** Another, independent connection pool to the same data (PostgreSQL only): a second process. */
  openAnother(options?: { statementTimeoutMs?: number }): Promise<Database>;
  /** Closes every pool opened here and drops the schema. */
  dispose(): Promise<void>;
}

export interface TestDriver {
  kind: DriverKind;
  create(): Promise<TestDatabase>;
}

const pgliteDriver: TestDriver = {
  kind: 'pglite',
  async create() {
    const db = await openPglite();
    await migrate(db);
    return {
      db,
      openAnother: () => Promise.reject(new Error('PGlite is a single-process database')),
      dispose: () => db.close(),
    };
  },
};

function postgresDriver(url: string): TestDriver {
  return {
    kind: 'postgres',
    async create() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const admin = await openPostgres(url, { max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const opened: Database[] = [];
      const open = async (options: { statementTimeoutMs?: number } = {}): Promise<Database> => {
        const db = await openPostgres(url, { schema, max: 8, ...options });
        opened.push(db);
        return db;
      };
      const dispose = async (): Promise<void> => {
        for (const d of opened) await d.close();
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      };
      const db = await open();
      try {
        await migrate(db);
      } catch (err) {
        await dispose();
        throw err;
      }
      return {
        db,
        openAnother: open,
        dispose,
      };
    },
  };
}

/** The drivers to run every storage test on. */
export function testDrivers(): TestDriver[] {
  const url = process.env['DATABASE_URL'];
  return url === undefined || url === '' ? [pgliteDriver] : [pgliteDriver, postgresDriver(url)];
}
