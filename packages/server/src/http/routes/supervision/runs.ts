// 事后 runs as a job (SUPERVISION_CONTRACT.md): POST starts one and waits a moment — 201 with what it
// raised when it finished by then, else 202 and GET /runs/{runId} reads its progress and result.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorResponses, RunParams, SupervisionRun, SupervisionRunBody } from '@yibao/api';
import type { PolicyBook } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../../access/identity.js';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import { today } from '../../../domain/today.js';
import { readRun } from '../../../store/supervision/runs.js';
import { supervisedRegion } from '../../../supervision/library.js';
import { prepareRun, runAnswer } from '../../../supervision/run.js';

/** How long POST /runs waits for the run before answering 202 (a day's run is done well within it). */
export const RUN_SYNC_WAIT_MS = 10_000;

export function supervisionRunRoutes(
  server: FastifyInstance,
  db: Database,
  book: PolicyBook,
  syncWaitMs = RUN_SYNC_WAIT_MS,
): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['supervision'];
  // Runs still working when the app closes are waited for, so none writes to a closed database.
  const running = new Set<Promise<unknown>>();
  server.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.post(
    '/supervision/runs',
    {
      schema: {
        tags,
        summary: '事后批量运行：对日期范围运行 F-08…F-17，生成疑点（幂等、增量）',
        body: SupervisionRunBody,
        response: { 200: SupervisionRun, 201: SupervisionRun, 202: SupervisionRun, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const region = supervisedRegion(book);
      const prepared = await prepareRun(
        db,
        region,
        {
          from: request.body.from,
          to: request.body.to,
          runOn: request.body.runOn ?? today(),
          full: request.body.full ?? false,
        },
        actorOf(request.identity),
      );
      const job = prepared.execute();
      running.add(job);
      void job
        .catch((err: unknown) => {
          request.log.error({ err, runId: prepared.runId }, 'supervision run failed');
        })
        .finally(() => {
          running.delete(job);
        });
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        job.then(
          () => true,
          () => true,
        ),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => {
            resolve(false);
          }, syncWaitMs);
        }),
      ]);
      clearTimeout(timer);
      const run = await readRun(db, prepared.runId);
      if (run === undefined) throw new NotFound('批量运行', prepared.runId, 'runId');
      if (run.status === 'failed') throw new Error(`supervision run ${run.id} failed: ${run.error ?? ''}`);
      return reply.status(finished && run.status === 'done' ? 201 : 202).send(runAnswer(run));
    },
  );

  app.get(
    '/supervision/runs/:runId',
    {
      schema: {
        tags,
        summary: '批量运行的进度与结果',
        params: RunParams,
        response: { 200: SupervisionRun, ...ErrorResponses },
      },
    },
    async (request) => {
      const run = await readRun(db, request.params.runId);
      if (run === undefined) throw new NotFound('批量运行', request.params.runId, 'runId');
      return runAnswer(run);
    },
  );
}
