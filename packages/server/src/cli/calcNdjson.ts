// `yibao calc --ndjson`: the batch path. Input is cut into blocks of whole lines; worker threads (one
// per core) settle blocks in parallel, and answers are written strictly in input order. At most a few
// blocks per worker are in flight, so memory stays flat however many lines come in.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolicyBook } from '@yibao/engine';
import { calcBlock } from './calcLine.js';

const BLOCK_BYTES = 256 * 1024;
const IN_FLIGHT_PER_WORKER = 3;

function writer(out: NodeJS.WriteStream): (s: string) => Promise<void> {
  return (s) =>
    out.write(s)
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          out.once('drain', () => {
            resolve();
          }),
        );
}

/** Splits a stream into blocks that end at a newline. */
async function* blocksOf(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (pending.length < BLOCK_BYTES) continue;
    const cut = pending.lastIndexOf('\n');
    if (cut === -1) continue;
    yield pending.slice(0, cut + 1);
    pending = pending.slice(cut + 1);
  }
  if (pending !== '') yield pending;
}

async function sequential(book: PolicyBook, write: (s: string) => Promise<void>): Promise<void> {
  for await (const block of blocksOf(process.stdin)) {
    const out = calcBlock(book, block);
    if (out) await write(out);
  }
}

async function parallel(
  policyDir: string,
  threads: number,
  write: (s: string) => Promise<void>,
): Promise<void> {
  const workerUrl = new URL('./calcWorker.js', import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: { policyDir } }));
  const done = new Map<number, string>();
  const waiters: (() => void)[] = [];
  let nextToWrite = 0;
  let sent = 0;
  const state: { failure: Error | null } = { failure: null }; // set by a worker's 'error' event
  for (const w of workers) {
    w.on('message', (m: { seq: number; out: string }) => {
      done.set(m.seq, m.out);
      waiters.shift()?.();
    });
    w.on('error', (err) => {
      state.failure = err;
      waiters.shift()?.();
    });
  }
  const flush = async (): Promise<void> => {
    for (let out = done.get(nextToWrite); out !== undefined; out = done.get(nextToWrite)) {
      done.delete(nextToWrite++);
      if (out) await write(out);
    }
  };
  const settleOne = (): Promise<void> => new Promise<void>((resolve) => waiters.push(resolve));
  try {
    for await (const block of blocksOf(process.stdin)) {
      workers[sent % threads]?.postMessage({ seq: sent, block });
      sent++;
      await flush();
      while (sent - nextToWrite >= threads * IN_FLIGHT_PER_WORKER && !state.failure) {
        await settleOne();
        await flush();
      }
      if (state.failure) throw state.failure;
    }
    while (nextToWrite < sent) {
      if (state.failure) throw state.failure;
      if (!done.has(nextToWrite)) await settleOne();
      await flush();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function runNdjson(book: PolicyBook, policyDir: string, threads: number): Promise<number> {
  const write = writer(process.stdout);
  const n = threads > 0 ? threads : availableParallelism();
  if (n <= 1) await sequential(book, write);
  else await parallel(policyDir, n, write);
  return 0;
}
