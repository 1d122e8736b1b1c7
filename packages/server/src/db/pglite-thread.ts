// The embedded database's own thread (内嵌数据库线程). PGlite is PostgreSQL compiled to WebAssembly
// and runs each statement to the end on the thread that calls it; on the service's thread that
// held the event loop for the length of every batch (30–90 ms under load), so HTTP waited — and a
// burst of new connections waited longest, because Node accepts one connection per turn of the
// loop. Here PGlite has a thread to itself: the service's thread parses, calculates and answers
// while a statement runs, and the two cores both work. See pglite.ts for the other side.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { ThreadReply, ThreadRequest, ThreadError } from './pglite-protocol.js';

const DATE_OID = 1082;

/** A transaction the service's thread has open: its PGlite handle, and how to end it. */
interface OpenTransaction {
  tx: Transaction;
  end: (end: { commit: boolean; replyTo: number }) => void;
}

function errorOf(err: unknown): ThreadError {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    message: text(e['message']) ?? 'database error',
    code: text(e['code']),
    constraint: text(e['constraint']),
    detail: text(e['detail']),
    table: text(e['table']),
    column: text(e['column']),
  };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('pglite-thread runs as a worker thread');
  const { dataDir } = workerData as { dataDir?: string };
  // A DATE stays the 'YYYY-MM-DD' text the contract speaks (as on the node-postgres driver).
  const parsers = { [DATE_OID]: (value: string) => value };
  const pg = new PGlite(dataDir === undefined ? { parsers } : { dataDir, parsers });
  await pg.waitReady;

  const open = new Map<number, OpenTransaction>();
  const reply = (message: ThreadReply): void => {
    port.postMessage(message);
  };

  const begin = (id: number): void => {
    let replyTo = id;
    pg.transaction(async (tx) => {
      // Held open until the service's thread ends it.
      const ended = new Promise<{ commit: boolean; replyTo: number }>((resolve) => {
        open.set(id, { tx, end: resolve });
      });
      reply({ id, ok: true });
      const end = await ended;
      replyTo = end.replyTo;
      // Throwing is how PGlite's transaction() rolls back.
      if (!end.commit) throw new RolledBack();
    }).then(
      () => {
        reply({ id: replyTo, ok: true });
      },
      (err: unknown) => {
        reply(err instanceof RolledBack ? { id: replyTo, ok: true } : { id: replyTo, error: errorOf(err) });
      },
    );
  };

  /** A statement or script, in the open transaction it names or on its own. */
  const run = async (request: Exclude<ThreadRequest, { op: 'begin' | 'end' }>): Promise<ThreadReply> => {
    const { id } = request;
    switch (request.op) {
      case 'query': {
        const on = request.tx === undefined ? pg : open.get(request.tx)?.tx;
        if (on === undefined) throw new Error(`transaction ${String(request.tx)} is not open`);
        const result = await on.query(request.sql, request.params);
        return { id, rows: result.rows as object[] };
      }
      case 'exec':
        await pg.exec(request.sql);
        return { id, ok: true };
      case 'close':
        await pg.close();
        return { id, ok: true };
    }
  };

  port.on('message', (request: ThreadRequest) => {
    if (request.op === 'begin') {
      begin(request.id);
      return;
    }
    if (request.op === 'end') {
      const tx = open.get(request.tx);
      open.delete(request.tx);
      if (tx === undefined) {
        reply({ id: request.id, error: { message: `transaction ${request.tx} is not open` } });
        return;
      }
      tx.end({ commit: request.commit, replyTo: request.id });
      return;
    }
    run(request).then(reply, (err: unknown) => {
      reply({ id: request.id, error: errorOf(err) });
    });
  });
  reply({ id: 0, ok: true });
}

class RolledBack extends Error {}

main().catch((err: unknown) => {
  parentPort?.postMessage({ id: 0, error: errorOf(err) } satisfies ThreadReply);
});
