// A worker thread of `yibao calc --ndjson`: receives numbered blocks of lines, answers each block.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPolicyBook } from '../policy-release/load.js';
import { calcBlock } from './calcLine.js';

const book = loadPolicyBook((workerData as { policyDir: string }).policyDir);
parentPort?.on('message', (msg: { seq: number; block: string }) => {
  parentPort?.postMessage({ seq: msg.seq, out: calcBlock(book, msg.block) });
});
