// 结算: preview, settle, read, reverse, list — and the daily reconciliation (对账).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CalcResult,
  ErrorResponses,
  PreviewRequest,
  ReconciliationQuery,
  ReversalRequest,
  SettlementParams,
  SettlementPathErrors,
  SettlementQuery,
  SettlementRead,
  SettleRequest,
  Settlement,
} from '@yibao/api';
import { assertOwnInstitution, boundInstitution } from '../../access/identity.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { findInstitution } from '../../store/institution-records.js';
import { notFound } from '../../errors.js';
import { listSettlements, reconcile } from '../../store/settlement-queries.js';
import type { SettlementService } from '../../settle/service.js';
import { paging } from '../paging.js';
// The settlement path's own refusals are SettlementPathErrors: 422 not insured / no active agreement
// on the visit date (R-B1, R-A6), 503 busy or timeout (nothing written; the requestId may be retried).
export function settlementRoutes(server: FastifyInstance, db: Database, service: SettlementService): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/settlements/preview',
    {
      schema: {
        tags: ['settlements'],
        summary: '预结算：计算结果，不保存、不改变累计',
        body: PreviewRequest,
        response: { 200: CalcResult, ...ErrorResponses, ...SettlementPathErrors },
      },
    },
    async (request) => service.preview(request.body),
  );

  app.post(
    '/settlements',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算：保存就诊、明细、结果与说明，并更新年度累计（一个事务）',
        description: '同一 requestId 再次提交相同内容返回首次结果 (200)；内容不同返回 409。',
        body: SettleRequest,
        response: {
          201: Settlement,
          200: Settlement,
          ...ErrorResponses,
          ...SettlementPathErrors,
        },
      },
    },
    async (request, reply) => {
      const answer = await service.settle(request.body);
      // A new settlement's answer was serialized once already, to be stored: send those bytes.
      if (answer.json !== undefined)
        return reply.status(answer.status).type('application/json; charset=utf-8').send(answer.json);
      return reply.status(answer.status).send(answer.body);
    },
  );

  app.get(
    '/settlements/:settlementId',
    {
      schema: {
        tags: ['settlements'],
        summary: '查询结算记录（含明细与说明）',
        params: SettlementParams,
        response: { 200: SettlementRead, ...ErrorResponses },
      },
    },
    async (request) => {
      const settlement = await service.get(request.params.settlementId);
      assertOwnInstitution(request, settlement.institutionId, 'settlementId');
      return settlement;
    },
  );

  app.post(
    '/settlements/:settlementId/reversal',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算撤销：生成金额取反的新记录，累计按原结算退回',
        params: SettlementParams,
        body: ReversalRequest,
        response: {
          201: Settlement,
          200: Settlement,
          ...ErrorResponses,
          ...SettlementPathErrors,
        },
      },
    },
    async (request, reply) => {
      // An institution reverses only its own settlements (issue 13); officers' reversals are unbound.
      if (boundInstitution(request.identity) !== null) {
        const original = await service.get(request.params.settlementId);
        assertOwnInstitution(request, original.institutionId, 'settlementId');
      }
      const answer = await service.reverse(request.params.settlementId, request.body);
      return reply.status(answer.status).send(answer.body);
    },
  );

  app.get(
    '/settlements',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算记录列表（按机构、日期、参保人等筛选，分页）',
        querystring: SettlementQuery,
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      const { sort, ...filter } = request.query;
      return listSettlements(db, filter, sort ?? '-date', page, pageSize);
    },
  );

  app.get(
    '/reconciliation',
    {
      schema: {
        tags: ['settlements'],
        summary: '日对账：某机构某日的结算笔数与按基金、账户、现金、机构承担的合计，撤销轧差',
        querystring: ReconciliationQuery,
        response: { ...ErrorResponses },
      },
    },
    async (request) => {
      const { institutionId, date } = request.query;
      if ((await findInstitution(db, institutionId)) === undefined)
        throw notFound('定点医药机构', 'institutionId', institutionId);
      return reconcile(db, institutionId, date);
    },
  );
}
