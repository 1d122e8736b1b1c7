// 结算: preview, settle, read, reverse, list — and the daily reconciliation (对账).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { findInstitution } from '../../store/institutions.js';
import { notFound } from '../../errors.js';
import {
  listSettlements,
  reconcile,
  SETTLEMENT_SORTS,
  type SettlementSort,
} from '../../store/settlement-queries.js';
import type { SettlementService } from '../../settle/service.js';
import type { PreviewBody, ReversalBody, SettleBody } from '../../settle/types.js';
import { paging } from '../paging.js';
import {
  calcResultSchema,
  dateSchema,
  errorResponses,
  pageQuery,
  previewBodySchema,
  reversalBodySchema,
  settleBodySchema,
  settlementSchema,
} from '../schemas.js';

// The settlement path's own refusals: 422 not insured / no active agreement on the visit date
// (R-B1, R-A6), 503 busy (one person's settlements contending) or timeout (the database did not
// answer in time; nothing was written, the same requestId may be retried).
const settlementPathErrors = { 422: { $ref: 'Error#' }, 503: { $ref: 'Error#' } } as const;

const idParams = { type: 'object', properties: { settlementId: { type: 'string' } } } as const;

export function settlementRoutes(app: FastifyInstance, db: Database, service: SettlementService): void {
  app.post<{ Body: PreviewBody }>(
    '/settlements/preview',
    {
      schema: {
        tags: ['settlements'],
        summary: '预结算：计算结果，不保存、不改变累计',
        body: previewBodySchema,
        response: { 200: calcResultSchema, ...errorResponses, ...settlementPathErrors },
      },
    },
    async (request) => service.preview(request.body),
  );

  app.post<{ Body: SettleBody }>(
    '/settlements',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算：保存就诊、明细、结果与说明，并更新年度累计（一个事务）',
        description: '同一 requestId 再次提交相同内容返回首次结果 (200)；内容不同返回 409。',
        body: settleBodySchema,
        response: {
          201: settlementSchema,
          200: settlementSchema,
          ...errorResponses,
          ...settlementPathErrors,
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

  app.get<{ Params: { settlementId: string } }>(
    '/settlements/:settlementId',
    {
      schema: {
        tags: ['settlements'],
        summary: '查询结算记录（含明细与说明）',
        params: idParams,
        response: {
          200: {
            ...settlementSchema,
            properties: { ...settlementSchema.properties, reversedBy: { type: ['string', 'null'] } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => service.get(request.params.settlementId),
  );

  app.post<{ Params: { settlementId: string }; Body: ReversalBody }>(
    '/settlements/:settlementId/reversal',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算撤销：生成金额取反的新记录，累计按原结算退回',
        params: idParams,
        body: reversalBodySchema,
        response: {
          201: settlementSchema,
          200: settlementSchema,
          ...errorResponses,
          ...settlementPathErrors,
        },
      },
    },
    async (request, reply) => {
      const answer = await service.reverse(request.params.settlementId, request.body);
      return reply.status(answer.status).send(answer.body);
    },
  );

  app.get<{
    Querystring: {
      institutionId?: string;
      personId?: string;
      date?: string;
      from?: string;
      to?: string;
      kind?: string;
      benefitGroup?: string;
      sort?: SettlementSort;
      page?: string;
      pageSize?: string;
    };
  }>(
    '/settlements',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算记录列表（按机构、日期、参保人等筛选，分页）',
        querystring: {
          type: 'object',
          properties: {
            institutionId: { type: 'string' },
            personId: { type: 'string' },
            date: dateSchema,
            from: dateSchema,
            to: dateSchema,
            kind: { type: 'string', description: '就诊类型 visit.kind' },
            benefitGroup: { type: 'string' },
            sort: { type: 'string', enum: Object.keys(SETTLEMENT_SORTS) },
            ...pageQuery,
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      const { sort, ...filter } = request.query;
      return listSettlements(db, filter, sort ?? '-date', page, pageSize);
    },
  );

  app.get<{ Querystring: { institutionId: string; date: string } }>(
    '/reconciliation',
    {
      schema: {
        tags: ['settlements'],
        summary: '日对账：某机构某日的结算笔数与按基金、账户、现金、机构承担的合计，撤销轧差',
        querystring: {
          type: 'object',
          properties: { institutionId: { type: 'string', minLength: 1 }, date: dateSchema },
          required: ['institutionId', 'date'],
          additionalProperties: false,
        },
        response: { ...errorResponses },
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
