// The embedded driver (默认内嵌数据库): PostgreSQL compiled to WebAssembly, in this process but on a
// thread of its own (pglite-thread.ts says why). This side turns each call into a message and
// each reply back into rows or the database's error.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ThreadError, ThreadReply, ThreadRequest } from './pglite-protocol.js';
import type { Database, Queryable } from './types.js';

/**
 * The compiled thread module. Run from the TypeScript sources (the tests), this file sits in src/
 * beside a .ts module Node cannot start as a worker, so the build's copy in dist/ is used
 * (`npm test` builds first).
 */
function threadModule(): URL {
  const beside = new URL('./pglite-thread.js', import.meta.url);
  return existsSync(beside) ? beside : new URL('../../dist/db/pglite-thread.js', import.meta.url);
}

/** The database's error, rebuilt on this thread with the fields the service reads. */
function databaseError(e: ThreadError): Error {
  const err = new Error(e.message) as Error & Omit<ThreadError, 'message'>;
  for (const key of ['code', 'constraint', 'detail', 'table', 'column'] as const) {
    if (e[key] !== undefined) err[key] = e[key];
  }
  return err;
}

type Pending = { resolve: (reply: ThreadReply) => void; reject: (err: Error) => void };
/** A request without its id: the id is given when it is sent. */
type Unsent = ThreadRequest extends infer R ? (R extends ThreadRequest ? Omit<R, 'id'> : never) : never;

/** Opens PGlite in `dataDir` (created when missing) or, without one, in memory. */
export async function openPglite(dataDir?: string): Promise<Database> {
  const worker = new Worker(threadModule(), {
    workerData: { dataDir },
    // The thread inherits node's flags, but `--input-type` (for `node -e` scripts) stops a worker
    // from starting at all.
    execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')),
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failed: Error | undefined;

  // The first reply (id 0) says the database is open.
  const started = new Promise<void>((resolve, reject) => {
    const opened = (r: ThreadReply): void => {
      if ('error' in r) reject(databaseError(r.error));
      else resolve();
    };
    pending.set(0, { resolve: opened, reject });
  });
  worker.on('message', (reply: ThreadReply) => {
    const waiting = pending.get(reply.id);
    if (waiting === undefined) return;
    pending.delete(reply.id);
    // The thread keeps the process alive only while a reply is awaited, so a command that is
    // done exits even if nobody closed the database.
    if (pending.size === 0) worker.unref();
    waiting.resolve(reply);
  });
  const fail = (err: Error): void => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`the embedded database thread stopped (${code})`));
  });
  await started;

  /** Sends a request; its id (a transaction's name, for `begin`) and its reply. */
  const post = (request: Unsent): { id: number; reply: Promise<ThreadReply> } => {
    const id = nextId++;
    const reply = new Promise<ThreadReply>((resolve, reject) => {
      if (failed !== undefined) {
        reject(failed);
        return;
      }
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    }).then((r) => {
      if ('error' in r) throw databaseError(r.error);
      return r;
    });
    return { id, reply };
  };
  const send = (request: Unsent): Promise<ThreadReply> => post(request).reply;
  /** Statements on their own, or (given its id) inside an open transaction. */
  const queryIn =
    (tx?: number): Queryable['query'] =>
    async <Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
      const request: Extract<Unsent, { op: 'query' }> = { op: 'query', sql };
      if (params !== undefined) request.params = [...params];
      if (tx !== undefined) request.tx = tx;
      const reply = await send(request);
      return 'rows' in reply ? (reply.rows as Row[]) : [];
    };

  return {
    kind: 'pglite',
    query: queryIn(),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const { id: tx, reply: began } = post({ op: 'begin' });
      await began;
      const inTx: Queryable = { query: queryIn(tx) };
      let result: T;
      try {
        result = await work(inTx);
      } catch (err) {
        await send({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await send({ op: 'end', tx, commit: true });
      return result;
    },
    async exec(sql: string): Promise<void> {
      await send({ op: 'exec', sql });
    },
    async close(): Promise<void> {
      if (failed === undefined) await send({ op: 'close' });
      await worker.terminate();
    },
  };
}
