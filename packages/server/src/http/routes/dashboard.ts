// 首页: the dashboard's figures for a date range and, optionally, one county.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { ApiError } from '../../errors.js';
import { dashboard } from '../../store/dashboard.js';
import { dateSchema, errorResponses } from '../schemas.js';

const breakdown = {
  type: 'array',
  items: {
    type: 'object',
    properties: { key: { type: 'string' }, fundPay: { type: 'number' }, visits: { type: 'integer' } },
  },
} as const;

const percent = { type: ['number', 'null'], description: '百分比，一位小数；无就诊时为空' } as const;

const dashboardSchema = {
  type: 'object',
  description:
    '首页统计。就诊人次与金额均为撤销轧差后的净值；基层占比按医疗机构计（不含药店）。金额单位：元。',
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    county: { type: ['string', 'null'] },
    counts: {
      type: 'object',
      properties: {
        settlements: { type: 'integer' },
        reversals: { type: 'integer' },
        net: { type: 'integer' },
      },
    },
    totals: {
      type: 'object',
      properties: {
        totalCost: { type: 'number' },
        fundPay: { type: 'number' },
        institutionBorne: { type: 'number' },
        primaryVisitShare: percent,
        primaryFundShare: percent,
      },
    },
    months: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          month: { type: 'string' },
          visits: { type: 'integer' },
          primaryVisits: { type: 'integer' },
          primaryVisitShare: percent,
          fundPay: { type: 'number' },
          primaryFundPay: { type: 'number' },
          primaryFundShare: percent,
        },
      },
    },
    fundByLevel: breakdown,
    fundByScheme: breakdown,
    fundByBenefitGroup: breakdown,
    institutionBorneByLevel: breakdown,
    counties: { type: 'array', items: { type: 'string' } },
  },
} as const;

export function dashboardRoutes(app: FastifyInstance, db: Database): void {
  app.get<{ Querystring: { from?: string; to?: string; county?: string } }>(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计：按月基层就诊与基金支付占比，按机构等级、险种、待遇类别的基金支付，结算与撤销笔数',
        querystring: {
          type: 'object',
          properties: {
            from: { ...dateSchema, description: '起始日期（含），缺省为今年 1 月 1 日' },
            to: { ...dateSchema, description: '截止日期（含），缺省为今年 12 月 31 日' },
            county: { type: 'string', maxLength: 64, description: '所在县（区）' },
          },
          additionalProperties: false,
        },
        response: { 200: dashboardSchema, ...errorResponses },
      },
    },
    async (request) => {
      const year = new Date().getUTCFullYear();
      const from = request.query.from ?? `${year}-01-01`;
      const to = request.query.to ?? `${year}-12-31`;
      if (from > to) throw new ApiError(400, 'invalid', `起始日期 ${from} 晚于截止日期 ${to}`, 'from');
      if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10)
        throw new ApiError(400, 'invalid', '统计期间至多十年', 'to');
      return dashboard(db, { from, to, county: request.query.county });
    },
  );
}
