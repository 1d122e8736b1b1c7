// A settlement's visit and lines (明细) as uploaded: what the settlement page and the patient's
// statement list, beside the amounts the stored result gives per line.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { notFound } from '../../errors.js';
import { findSettlementVisit } from '../../store/settlement-lines.js';
import { errorResponses } from '../schemas.js';

const money = { type: 'number', description: '元' } as const;

export function settlementVisitRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Params: { settlementId: string } }>(
    '/settlements/:settlementId/visit',
    {
      schema: {
        tags: ['settlements'],
        summary: '结算的就诊信息与费用明细（名称、类别、数量、单价）；撤销记录给出原结算的就诊信息',
        params: { type: 'object', properties: { settlementId: { type: 'string' } } },
        response: {
          200: {
            type: 'object',
            properties: {
              settlementId: { type: 'string' },
              visit: { type: 'object', additionalProperties: true },
              lines: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    lineNo: { type: 'integer' },
                    code: { type: 'string' },
                    name: { type: 'string' },
                    kind: { type: 'string' },
                    class: { type: 'string' },
                    quantity: { type: 'number' },
                    unitPrice: money,
                    total: money,
                    fullSelfPay: money,
                    overLimitSelfPay: money,
                    firstSelfPay: money,
                    inScope: money,
                    institutionBorne: money,
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const found = await findSettlementVisit(db, request.params.settlementId);
      if (found === undefined) throw notFound('结算记录', 'settlementId', request.params.settlementId);
      return found;
    },
  );
}
