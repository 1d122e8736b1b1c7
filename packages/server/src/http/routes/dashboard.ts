// 首页: the dashboard's figures for a date range and, optionally, one county.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Dashboard, DashboardQuery, ErrorResponses } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/types.js';
import { ApiError } from '../../errors.js';
import { dashboard } from '../../store/dashboard.js';
export function dashboardRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: '首页统计：按月基层就诊与基金支付占比，按机构等级、险种、待遇类别的基金支付，结算与撤销笔数',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...ErrorResponses },
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
