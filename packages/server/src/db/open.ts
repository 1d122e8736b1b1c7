// Chooses the driver: PostgreSQL when a URL is given, else the embedded PGlite.
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Database } from './types.js';

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; in memory when absent. */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** PostgreSQL: the settlement path's statement timeout (see postgres.ts). */
  statementTimeoutMs?: number | undefined;
  schema?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    return openPostgres(options.databaseUrl, {
      ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
      ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }),
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    });
  }
  return openPglite(options.dataDir);
}
