// The messages between the service's thread (pglite.ts) and the embedded database's thread
// (pglite-thread.ts). Every request carries an id; its one reply carries the same id. A
// transaction is opened by `begin` (its id names the transaction), its statements carry `tx`, and
// `end` commits or rolls it back.
export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params?: unknown[]; tx?: number }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

/** A database error as it crosses threads: the fields the service reads (see isPgError). */
export interface ThreadError {
  message: string;
  code?: string | undefined;
  constraint?: string | undefined;
  detail?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
}

export type ThreadReply =
  { id: number; rows: object[] } | { id: number; ok: true } | { id: number; error: ThreadError };
