// What `serve` and `demo` share: the database chosen by DATABASE_URL or --data, migrated, and the
// policy loaded once.
import { resolve } from 'node:path';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { Database } from '../db/types.js';
import { loadPolicy, type LoadedPolicy } from '../settle/calculator.js';
import { policyDir } from './policy-dir.js';

export const DEFAULT_DATA_DIR = './.yibao-data';

export interface Runtime {
  db: Database;
  policy: LoadedPolicy;
  /** Where the data lives, for the message at start. */
  where: string;
}

export function databaseUrl(): string | undefined {
  const url = process.env['DATABASE_URL'];
  return url === undefined || url === '' ? undefined : url;
}

export async function openRuntime(dataDir: string | undefined, poolSize?: number): Promise<Runtime> {
  const url = databaseUrl();
  const dir = resolve(dataDir ?? DEFAULT_DATA_DIR);
  const policy = loadPolicy(policyDir()); // first, so a broken policy fails before touching the database
  const timeout = Number(process.env['YIBAO_STATEMENT_TIMEOUT_MS'] ?? '');
  const db = await openDatabase({
    databaseUrl: url,
    dataDir: dir,
    poolSize,
    ...(Number.isFinite(timeout) && timeout > 0 ? { statementTimeoutMs: timeout } : {}),
  });
  await migrate(db);
  return { db, policy, where: url === undefined ? `PGlite ${dir}` : `PostgreSQL ${redact(url)}` };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
