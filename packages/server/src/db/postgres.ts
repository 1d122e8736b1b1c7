// The server driver: node-postgres with a pool, for `DATABASE_URL`.
import pg from 'pg';
import type { Database, Queryable } from './types.js';

const INT8_OID = 20;
const DATE_OID = 1082;

// Per-pool type parsers, so nothing global changes: bigint fen amounts fit a JS number exactly
// (below 2^53), and a DATE stays the 'YYYY-MM-DD' text the contract speaks.
const parseInt8 = (value: string): number => Number(value);
const keepText = (value: string): string => value;
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return keepText;
    return (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresOptions {
  /** Every connection uses this schema first (tests get a fresh one each). */
  schema?: string;
  /** Pool size; a few connections per process saturate a small machine. */
  max?: number;
  /**
   * How long a settlement-path statement may run (milliseconds; default 10 s). A database that
   * stalls then answers 503 instead of holding the caller, and the hospital's system can retry
   * with the same requestId: a cancelled statement wrote nothing.
   */
  statementTimeoutMs?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const poolOf = (extra: string): pg.Pool => {
    const settings = [
      ...(options.schema === undefined ? [] : [`-c search_path=${options.schema}`]),
      ...(extra === '' ? [] : [extra]),
    ].join(' ');
    const pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      types: typeParsers,
      ...(settings === '' ? {} : { options: settings }),
    });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return pool;
  };
  const pool = poolOf('');
  // The settlement path's prepared statements run on connections of their own that always use the
  // generic plan. Their parameters are arrays and batches whose plan does not depend on the values,
  // yet PostgreSQL's default kept re-planning them for every batch (~0.4 ms of a 1.4 ms read of 16
  // visits). Every other statement keeps the default, which plans with the actual values. These
  // connections also carry the settlement path's statement timeout; officers' reports and the
  // migrations, on the other pool, may run as long as they need.
  const preparedPool = poolOf(
    `-c plan_cache_mode=force_generic_plan -c statement_timeout=${Math.round(options.statementTimeoutMs ?? 10_000)}`,
  );
  const query = async <Row extends object>(
    sql: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<Row[]> =>
    (
      await (name === undefined ? pool : preparedPool).query<Row & pg.QueryResultRow>(
        toConfig(sql, params, name),
      )
    ).rows;
  // Connections open lazily, on the first query; the promise keeps the drivers' signatures alike.
  return Promise.resolve({
    kind: 'postgres',
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row extends object>(sql: string, params?: readonly unknown[], name?: string) =>
            (await client.query<Row & pg.QueryResultRow>(toConfig(sql, params, name))).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(sql: string): Promise<void> {
      await pool.query(sql);
    },
    async close(): Promise<void> {
      await Promise.all([pool.end(), preparedPool.end()]);
    },
  });
}

function toConfig(
  sql: string,
  params: readonly unknown[] | undefined,
  name: string | undefined,
): pg.QueryConfig {
  return {
    text: sql,
    ...(params === undefined ? {} : { values: [...params] }),
    ...(name === undefined ? {} : { name }),
  };
}
