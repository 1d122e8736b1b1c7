// The embedded driver (默认内嵌数据库): PostgreSQL compiled to WebAssembly, in one process.
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './types.js';

const DATE_OID = 1082;

/** Opens PGlite in `dataDir` (created when missing) or, without one, in memory. */
export async function openPglite(dataDir?: string): Promise<Database> {
  // A DATE stays the 'YYYY-MM-DD' text the contract speaks (as on the node-postgres driver).
  const parsers = { [DATE_OID]: (value: string) => value };
  const pg = new PGlite(dataDir === undefined ? { parsers } : { dataDir, parsers });
  await pg.waitReady;
  const query = async <Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await pg.query<Row>(sql, params === undefined ? undefined : [...params])).rows;
  return {
    kind: 'pglite',
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) =>
        work({
          query: async <Row extends object>(sql: string, params?: readonly unknown[]) =>
            (await tx.query<Row>(sql, params === undefined ? undefined : [...params])).rows,
        }),
      );
    },
    async exec(sql: string): Promise<void> {
      await pg.exec(sql);
    },
    async close(): Promise<void> {
      await pg.close();
    },
  };
}
