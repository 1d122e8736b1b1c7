// 转诊单与电子处方 as records institutions create (R-D3, R-D6, R-D8), and any record's history.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EPrescriptionBody, HistoryParams, HistoryQuery, ReferralBody, ReferralFilingBody } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import { listVersions, versionAsOf } from '../../../registry/history.js';
import {
  createEPrescription,
  createReferral,
  fileReferral,
  findEPrescription,
  findReferral,
} from '../../../registry/referrals.js';
import { changeBy, created, errors, idParams } from './common.js';

export function registryReferralRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['registry'];

  app.post(
    '/referrals',
    {
      schema: {
        tags,
        summary: '开具转诊单（方向由两机构等级决定，范围由参保人户籍县与转入机构决定）',
        body: ReferralBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, createReferral(db, request.body, changeBy(request, '开具转诊单'))),
  );

  app.get(
    '/referrals/:id',
    { schema: { tags, summary: '转诊单', params: idParams, response: errors } },
    async (request) => {
      const r = await findReferral(db, request.params.id);
      if (!r) throw new NotFound('转诊单', request.params.id, 'id');
      return r;
    },
  );

  app.post(
    '/referrals/:id/filing',
    {
      schema: {
        tags,
        summary: '转诊备案',
        params: idParams,
        body: ReferralFilingBody,
        response: errors,
      },
    },
    async (request) => fileReferral(db, request.params.id, request.body, changeBy(request, '转诊备案')),
  );

  app.post(
    '/e-prescriptions',
    {
      schema: {
        tags,
        summary: '开具电子处方 (R-D8)',
        body: EPrescriptionBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, createEPrescription(db, request.body, changeBy(request, '开具电子处方'))),
  );

  app.get(
    '/e-prescriptions/:id',
    { schema: { tags, summary: '电子处方', params: idParams, response: errors } },
    async (request) => {
      const rx = await findEPrescription(db, request.params.id);
      if (!rx) throw new NotFound('电子处方', request.params.id, 'id');
      return rx;
    },
  );

  app.get(
    '/history/:entity/:id',
    {
      schema: {
        tags,
        summary: '登记记录的历史版本（谁、何时、改了什么）；asOf 取某时点的版本',
        params: HistoryParams,
        querystring: HistoryQuery,
        response: errors,
      },
    },
    async (request) => {
      const entity = request.params.entity;
      if (request.query.asOf !== undefined) {
        const v = await versionAsOf(db, entity, request.params.id, request.query.asOf);
        if (!v)
          throw new NotFound(
            '登记记录',
            request.params.id,
            'asOf',
            `${request.params.id} 在 ${request.query.asOf} 时尚无记录`,
          );
        return v;
      }
      const versions = await listVersions(db, entity, request.params.id);
      if (versions.length === 0) throw new NotFound('登记记录', request.params.id, 'id');
      return { items: versions };
    },
  );
}
