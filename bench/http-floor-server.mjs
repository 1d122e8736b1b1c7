#!/usr/bin/env node
// The HTTP floor of the settlement benchmark (HTTP 基线): what the same machine, the same worker
// processes and the same load generator manage when a settlement costs nothing. Each worker takes
// POST /api/v1/settlements with Fastify, parses the JSON body, checks it names a requestId, and
// answers 201 with a recorded settlement answer — no engine, no database. bench/service-bench.mjs
// starts it after the real runs, so the share of the machine that HTTP and the load generator
// take is measured beside what the service reaches.
//
//   node bench/http-floor-server.mjs PORT ANSWER_FILE WORKERS
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, answerFile, workers] = process.argv.slice(2);

if (cluster.isPrimary) {
  // As `yibao serve` does: the kernel spreads connections over the workers.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  for (let i = 0; i < Number(workers); i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const answer = readFileSync(answerFile, 'utf8');
  const app = Fastify({ logger: false });
  app.get('/healthz', async () => ({ ok: true }));
  app.post('/api/v1/settlements', async (request, reply) => {
    const body = request.body;
    if (typeof body?.requestId !== 'string') return reply.code(400).send({ error: 'requestId' });
    return reply.code(201).type('application/json; charset=utf-8').send(answer);
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}
