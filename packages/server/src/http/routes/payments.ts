// 支付方式与结算 (issue 14; PAYMENT_CONTRACT.md "Calls"): a record's payment facts, monthly and
// year-end runs, confirmed audit deductions and an institution's payments. The routes only validate
// and translate; the rules are payment/runs.ts and payment/deductions.ts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  RunRelease,
  RunReleaseBody,
  Deduction,
  DeductionBody,
  ErrorResponses,
  InstitutionPayments,
  MonthlyRun,
  MonthlyRunBody,
  MonthlyRunList,
  PaymentFacts,
  PaymentRunParams,
  PaymentYearQuery,
  SettlementParams,
  YearEndRun,
  YearEndRunBody,
} from '@yibao/api';
import { paymentFactsToWire, type PaymentPolicy } from '@yibao/engine';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf, assertOwnInstitution } from '../../access/identity.js';
import { releaseMonthlyRun } from '../../payment/release.js';
import type { Database } from '../../db/types.js';
import { NotFound, RuleRefused } from '../../domain/errors.js';
import { recordDeduction } from '../../payment/deductions.js';
import { runMonth, runYear } from '../../payment/runs.js';
import {
  monthlyRowToWire,
  monthlyRunToWire,
  yearEndLineToWire,
  yearEndRowToWire,
  yearEndRunToWire,
} from '../../payment/wire.js';
import { findPaymentFacts } from '../../store/payment/facts-rows.js';
import { findMonthlyRun, findYearEndRun, listMonthlyRuns, yearRows } from '../../store/payment/runs.js';

const errors422 = { ...ErrorResponses, 422: Type.Ref('Error') } as const;

export function paymentRoutes(server: FastifyInstance, db: Database, policy: PaymentPolicy | null): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const paying = (field: string): PaymentPolicy => {
    if (policy === null) throw new RuleRefused('R-E1', 'no_policy_version', '本统筹区没有支付政策', field);
    return policy;
  };

  app.get(
    '/settlements/:settlementId/payment',
    {
      schema: {
        tags: ['payments'],
        summary: '结算记录的支付信息：支付月份、核算单元、支付方式、DIP 病组与分值、床日、人头',
        params: SettlementParams,
        response: { 200: PaymentFacts, ...ErrorResponses },
      },
    },
    async (request) => {
      const id = request.params.settlementId;
      const found = await findPaymentFacts(db, id);
      if (found === undefined) throw new NotFound('结算记录', id, 'settlementId');
      assertOwnInstitution(request, found.institutionId, 'settlementId');
      if (found.facts === null)
        throw new NotFound('支付信息', id, 'settlementId', `结算 ${id} 没有支付信息（其统筹区没有支付政策）`);
      return paymentFactsToWire(id, found.facts);
    },
  );

  app.post(
    '/payments/monthly-runs',
    {
      schema: {
        tags: ['payments'],
        summary: '月度结算（拨付清单）：每月一次，重复请求返回同一结算',
        body: MonthlyRunBody,
        response: { 200: MonthlyRun, 201: MonthlyRun, ...errors422 },
      },
    },
    async (request, reply) => {
      const made = await runMonth(
        db,
        paying('month'),
        request.body.year,
        request.body.month,
        undefined,
        actorOf(request.identity),
      );
      return reply.status(made.status).send(monthlyRunToWire(made.run));
    },
  );

  app.get(
    '/payments/monthly-runs',
    {
      schema: {
        tags: ['payments'],
        summary: '某年的月度结算列表',
        querystring: PaymentYearQuery,
        response: { 200: MonthlyRunList, ...ErrorResponses },
      },
    },
    async (request) => ({ items: await listMonthlyRuns(db, Number(request.query.year)) }),
  );

  app.get(
    '/payments/monthly-runs/:id',
    {
      schema: {
        tags: ['payments'],
        summary: '月度结算（拨付清单）',
        params: PaymentRunParams,
        response: { 200: MonthlyRun, ...ErrorResponses },
      },
    },
    async (request) => {
      const run = await findMonthlyRun(db, { id: request.params.id });
      if (run === undefined) throw new NotFound('月度结算', request.params.id, 'id');
      return monthlyRunToWire(run);
    },
  );

  app.post(
    '/payments/monthly-runs/:id/release',
    {
      schema: {
        tags: ['payments'],
        summary: '拨付放行：由制单人以外的基金财务人员复核后放行转账（双人复核），每个月度结算一次',
        params: PaymentRunParams,
        body: RunReleaseBody,
        response: { 200: RunRelease, ...ErrorResponses },
      },
    },
    async (request) => releaseMonthlyRun(db, request.params.id, request.identity, request.body.reason),
  );

  app.post(
    '/payments/year-end-runs',
    {
      schema: {
        tags: ['payments'],
        summary: '年终清算：十二个月结算之后一次，重复请求返回同一清算',
        body: YearEndRunBody,
        response: { 200: YearEndRun, 201: YearEndRun, ...errors422 },
      },
    },
    async (request, reply) => {
      const made = await runYear(db, paying('year'), request.body.year);
      return reply.status(made.status).send(yearEndRunToWire(made.run));
    },
  );

  app.get(
    '/payments/year-end-runs/:id',
    {
      schema: {
        tags: ['payments'],
        summary: '年终清算',
        params: PaymentRunParams,
        response: { 200: YearEndRun, ...ErrorResponses },
      },
    },
    async (request) => {
      const run = await findYearEndRun(db, { id: request.params.id });
      if (run === undefined) throw new NotFound('年终清算', request.params.id, 'id');
      return yearEndRunToWire(run);
    },
  );

  app.post(
    '/payments/deductions',
    {
      schema: {
        tags: ['payments'],
        summary: '确认的审核扣款：在确认月份的下一个月结算中扣除（该月已结算则计入第一个未结算月份）',
        body: DeductionBody,
        response: { 200: Deduction, 201: Deduction, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const answer = await recordDeduction(db, request.body);
      return reply.status(answer.status).send(answer.body);
    },
  );

  app.get(
    '/institutions/:id/payments',
    {
      schema: {
        tags: ['payments'],
        summary: '机构某年的月度结算行与年终清算',
        params: PaymentRunParams,
        querystring: PaymentYearQuery,
        response: { 200: InstitutionPayments, ...ErrorResponses },
      },
    },
    async (request) => {
      const id = request.params.id;
      const year = Number(request.query.year);
      const rows = await yearRows(db, year, id);
      const yearEnd = await findYearEndRun(db, { year });
      const line = yearEnd?.run.institutions.find((l) => l.institutionId === id);
      return {
        institutionId: id,
        year,
        months: rows.map((r) => ({
          month: `${year}-${String(r.month).padStart(2, '0')}`,
          ...monthlyRowToWire(r),
        })),
        yearEnd:
          yearEnd === undefined
            ? null
            : {
                rows: yearEnd.run.rows.filter((r) => r.institutionId === id).map(yearEndRowToWire),
                institution: line === undefined ? null : yearEndLineToWire(line),
              },
      };
    },
  );
}
