// `yibao calc` (CALC_CONTRACT.md): one JSON request on stdin -> one result on stdout; with --ndjson a
// stream of requests, one per line, answered line for line in order. Bad input: status 2 and a JSON
// error naming the field (single mode), or the error object on its line (--ndjson).
import { calculate } from '@yibao/engine';
import { loadPolicyBook } from '../policy-release/load.js';
import { intFlag, parseArgs, stringFlag } from './args.js';
import { errorBody } from './calcLine.js';
import { policyDir as policyDirOf } from './policy-dir.js';
import { runNdjson } from './calcNdjson.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runCalc(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['ndjson']);
  const policyDir = policyDirOf(stringFlag(args, 'policy'));
  const book = loadPolicyBook(policyDir);
  // --threads N: worker threads for --ndjson (default: one per core; 1 = in the main thread).
  if (args.flags.has('ndjson')) return runNdjson(book, policyDir, intFlag(args, 'threads', 0));
  const text = await readAll(process.stdin);
  try {
    process.stdout.write(JSON.stringify(calculate(book, JSON.parse(text))) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(JSON.stringify(errorBody(err)) + '\n');
    return 2;
  }
}
