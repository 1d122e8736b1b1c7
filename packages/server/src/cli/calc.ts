// `yibao calc` (CALC_CONTRACT.md): one JSON request on stdin -> one result on stdout; with --ndjson a
// stream of requests, one per line, answered line for line in order. Bad input: status 2 and a JSON
// error naming the field (single mode), or the error object on its line (--ndjson).
import { calculate, CalcInputError } from '@yibao/engine';
import type { PolicyBook } from '@yibao/engine';
import { loadPolicyBook } from '../policy/load.js';
import { parseArgs, stringFlag } from './args.js';

type ErrorBody = { error: { code: string; message: string; field: string } };

function errorBody(err: unknown): ErrorBody {
  if (err instanceof CalcInputError) return err.toJSON();
  if (err instanceof SyntaxError) return { error: { code: 'invalid_json', message: `请求不是有效的 JSON (malformed JSON): ${err.message}`, field: 'request' } };
  throw err;
}

function calcLine(book: PolicyBook, text: string): string {
  try {
    return JSON.stringify(calculate(book, JSON.parse(text)));
  } catch (err) {
    return JSON.stringify(errorBody(err));
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams stdin line by line; output is batched per input chunk so memory stays flat. */
async function runNdjson(book: PolicyBook): Promise<number> {
  let pending = '';
  const out = process.stdout;
  const write = (s: string): Promise<void> | undefined =>
    out.write(s) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve));
  for await (const chunk of process.stdin) {
    pending += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    let start = 0;
    let batch = '';
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      const line = pending.slice(start, nl);
      start = nl + 1;
      if (line.trim() !== '') batch += calcLine(book, line) + '\n';
    }
    pending = pending.slice(start);
    if (batch) await write(batch);
  }
  if (pending.trim() !== '') await write(calcLine(book, pending) + '\n');
  return 0;
}

export async function runCalc(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['ndjson']);
  const book = loadPolicyBook(stringFlag(args, 'policy'));
  if (args.flags.has('ndjson')) return runNdjson(book);
  const text = await readAll(process.stdin);
  try {
    process.stdout.write(JSON.stringify(calculate(book, JSON.parse(text))) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(JSON.stringify(errorBody(err)) + '\n');
    return 2;
  }
}
