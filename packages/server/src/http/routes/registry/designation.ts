// 定点申请、评审、名单与取消定点 (R-A1–R-A4, R-A8, R-A9, R-A11, R-A12, R-A14).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ApplicationBody,
  ApplicationQuery,
  CancellationBody,
  CatalogueBody,
  DesignatedQuery,
  ResubmissionBody,
  ReviewBody,
} from '@yibao/api';
import type { DesignationApplication } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import {
  findApplication,
  listApplications,
  resubmitApplication,
  reviewApplication,
  submitApplication,
} from '../../../registry/applications.js';
import { putCatalogue, readCatalogue } from '../../../registry/catalogue.js';
import { cancelDesignation, publishedList } from '../../../registry/designation.js';
import { paging } from '../../paging.js';
import { changeBy, created, errors, idParams, today } from './common.js';

export function designationRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/applications',
    {
      schema: {
        tags: ['registry'],
        summary: '提交定点申请（含定点条件清单）',
        body: ApplicationBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, submitApplication(db, request.body, changeBy(request, '提交定点申请'))),
  );

  app.get(
    '/applications',
    {
      schema: {
        tags: ['registry'],
        summary: '定点申请列表',
        querystring: ApplicationQuery,
      },
    },
    async (request): Promise<{ items: DesignationApplication[] }> => ({
      items: await listApplications(db, request.query.state),
    }),
  );

  app.get(
    '/applications/:id',
    { schema: { tags: ['registry'], summary: '定点申请详情', params: idParams, response: errors } },
    async (request): Promise<DesignationApplication> => {
      const found = await findApplication(db, request.params.id);
      if (!found) throw new NotFound('定点申请', request.params.id, 'id');
      return found;
    },
  );

  app.post(
    '/applications/:id/review',
    {
      schema: {
        tags: ['registry'],
        summary: '评审定点申请：批准（中心与站点一并定点）、不予批准、退回补正',
        params: idParams,
        body: ReviewBody,
        response: errors,
      },
    },
    async (request) =>
      reviewApplication(
        db,
        request.params.id,
        request.body,
        changeBy(request, `评审：${request.body.decision}，${request.body.reason}`),
      ),
  );

  app.post(
    '/applications/:id/resubmission',
    {
      schema: {
        tags: ['registry'],
        summary: '退回补正的定点申请补正后重新提交（重新评审）',
        params: idParams,
        body: ResubmissionBody,
        response: errors,
      },
    },
    async (request) =>
      resubmitApplication(
        db,
        request.params.id,
        request.body,
        changeBy(request, `补正后重新提交：${request.body.reason}`),
      ),
  );

  app.post(
    '/institutions/:id/cancellation',
    {
      schema: {
        tags: ['registry'],
        summary: '取消定点资格（其协议同时终止）',
        params: idParams,
        body: CancellationBody,
        response: errors,
      },
    },
    async (request) =>
      cancelDesignation(
        db,
        request.params.id,
        request.body,
        changeBy(request, `取消定点：${request.body.reason}`),
      ),
  );

  app.put(
    '/institutions/:id/catalogue',
    {
      schema: {
        tags: ['registry'],
        summary: '更新机构药品库存目录与服务项目价格 (R-A14)',
        params: idParams,
        body: CatalogueBody,
        response: errors,
      },
    },
    async (request) =>
      putCatalogue(db, request.params.id, request.body, changeBy(request, '更新药品目录与服务项目')),
  );

  app.get(
    '/institutions/:id/catalogue',
    {
      schema: {
        tags: ['registry'],
        summary: '机构药品库存目录与服务项目价格',
        params: idParams,
        response: errors,
      },
    },
    async (request) => readCatalogue(db, request.params.id),
  );

  app.get(
    '/public/designated-institutions',
    {
      schema: {
        tags: ['public'],
        summary: '定点医药机构名单（公开，供参保人选择）(R-A3)',
        querystring: DesignatedQuery,
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      return publishedList(db, { ...request.query, date: request.query.date ?? today() }, page, pageSize);
    },
  );
}
