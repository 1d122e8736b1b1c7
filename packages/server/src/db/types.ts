// The one small interface every storage module talks to, so the same SQL runs on the embedded
// PGlite and on a PostgreSQL server (one dialect, one set of migrations).

/** Anything that runs a parameterised statement: the database itself or an open transaction. */
export interface Queryable {
  /**
   * `name` makes it a prepared statement on PostgreSQL, parsed once per connection and planned
   * once (a generic plan): only for the settlement path's statements, written so that one plan
   * suits every batch.
   */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<Row[]>;
}

export type DriverKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DriverKind;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL error as both drivers report it: the SQLSTATE code and the constraint name. */
export interface PgErrorLike {
  code: string;
  constraint?: string;
}

export function isPgError(err: unknown): err is PgErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string';
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
/** A statement cancelled, here by statement_timeout. */
export const QUERY_CANCELED = '57014';
