// The supervision's sums (SUPERVISION_CONTRACT.md): confirmed deductions per institution and month,
// and the monthly indicators (R-F2, R-F5) of an institution or the region.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DeductionQuery, Deductions, ErrorResponses, IndicatorQuery, Indicators } from '@yibao/api';
import type { PolicyBook } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { deductionsOf } from '../../../supervision/deductions.js';
import { indicatorsOf } from '../../../supervision/indicators.js';
import { libraryOf } from '../../../supervision/library.js';

const numberOf = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

export function supervisionReadRoutes(server: FastifyInstance, db: Database, book: PolicyBook): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['supervision'];

  app.get(
    '/supervision/deductions',
    {
      schema: {
        tags,
        summary: '已确认扣款：按机构、确认年月、险种、基金汇总（次月月度结算扣除）',
        querystring: DeductionQuery,
        response: { 200: Deductions, ...ErrorResponses },
      },
    },
    async (request) =>
      deductionsOf(db, {
        institutionId: request.query.institutionId,
        year: numberOf(request.query.year),
        month: numberOf(request.query.month),
      }),
  );

  app.get(
    '/supervision/indicators',
    {
      schema: {
        tags,
        summary: '月度监测指标：门诊、住院分列；不指明机构为全统筹区（含基层就诊占比）',
        querystring: IndicatorQuery,
        response: { 200: Indicators, ...ErrorResponses },
      },
    },
    async (request) =>
      indicatorsOf(db, libraryOf(book), {
        institutionId: request.query.institutionId ?? null,
        year: Number(request.query.year),
        month: Number(request.query.month),
      }),
  );
}
