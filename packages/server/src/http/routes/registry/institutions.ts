// 定点申请、评审、名单与取消定点 (R-A1–R-A4, R-A8, R-A9, R-A11, R-A12, R-A14).
import { INSTITUTION_TYPES, LEVELS } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import {
  findApplication,
  listApplications,
  reviewApplication,
  submitApplication,
  type ApplicationInput,
  type ReviewInput,
} from '../../../registry/applications.js';
import { putCatalogue, readCatalogue, type CatalogueInput } from '../../../registry/catalogue.js';
import { CRITERIA } from '../../../registry/criteria.js';
import { cancelDesignation, publishedList } from '../../../registry/institutions.js';
import { paging } from '../../paging.js';
import { PageQuery } from '@yibao/api';
import { changeBy, created, date, errors, id, idParams, text, today } from './common.js';

const applicant = {
  type: 'object',
  properties: {
    id,
    name: text,
    type: { type: 'string', enum: [...INSTITUTION_TYPES] },
    level: { type: ['string', 'null'], enum: [...LEVELS, null] },
    county: id,
    founderId: { type: ['string', 'null'], description: '互联网医院的设立机构 (R-A11)' },
    parentId: { type: ['string', 'null'] },
    region: { type: ['string', 'null'], description: '所在统筹区（异地定点机构）；缺省为本统筹区' },
  },
  required: ['id', 'name', 'type', 'county'],
  additionalProperties: false,
} as const;

const applicationBody = {
  type: 'object',
  properties: {
    id,
    institution: applicant,
    stations: {
      type: 'array',
      items: applicant,
      maxItems: 50,
      description: '一并申请的服务站/村卫生室 (R-A4)',
    },
    submittedOn: date,
    criteria: {
      type: 'array',
      description: '定点条件清单 (R-A2)，每项一次',
      items: {
        type: 'object',
        properties: {
          item: { type: 'string', enum: [...CRITERIA] },
          met: { type: 'boolean' },
          evidence: { type: 'string', maxLength: 2000 },
        },
        required: ['item', 'met', 'evidence'],
        additionalProperties: false,
      },
    },
    greenChannel: { type: 'boolean', description: '绿色通道：资源薄弱、基金结余充裕地区适当放宽 (R-A2)' },
  },
  required: ['institution', 'submittedOn', 'criteria'],
  additionalProperties: false,
} as const;

const reviewBody = {
  type: 'object',
  properties: {
    decision: { type: 'string', enum: ['approve', 'reject', 'return'] },
    reason: text,
    reviewer: text,
    decidedOn: date,
  },
  required: ['decision', 'reason', 'reviewer', 'decidedOn'],
  additionalProperties: false,
} as const;

const catalogueEntry = {
  type: 'object',
  properties: {
    code: id,
    name: text,
    genericName: { type: ['string', 'null'] },
    dosageForm: { type: ['string', 'null'] },
    price: { type: ['number', 'null'], minimum: 0 },
  },
  required: ['code', 'name'],
  additionalProperties: false,
} as const;

export function registryInstitutionRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Body: ApplicationInput }>(
    '/applications',
    {
      schema: {
        tags: ['registry'],
        summary: '提交定点申请（含定点条件清单）',
        body: applicationBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, submitApplication(db, request.body, changeBy(request, '提交定点申请'))),
  );

  app.get<{ Querystring: { state?: string } }>(
    '/applications',
    {
      schema: {
        tags: ['registry'],
        summary: '定点申请列表',
        querystring: {
          type: 'object',
          properties: { state: { type: 'string', enum: ['submitted', 'approved', 'rejected', 'returned'] } },
          additionalProperties: false,
        },
      },
    },
    async (request) => ({ items: await listApplications(db, request.query.state) }),
  );

  app.get<{ Params: { id: string } }>(
    '/applications/:id',
    { schema: { tags: ['registry'], summary: '定点申请详情', params: idParams, response: errors } },
    async (request) => {
      const found = await findApplication(db, request.params.id);
      if (!found) throw new NotFound('定点申请', request.params.id, 'id');
      return found;
    },
  );

  app.post<{ Params: { id: string }; Body: ReviewInput }>(
    '/applications/:id/review',
    {
      schema: {
        tags: ['registry'],
        summary: '评审定点申请：批准（中心与站点一并定点）、不予批准、退回补正',
        params: idParams,
        body: reviewBody,
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

  app.post<{ Params: { id: string }; Body: { effectiveOn: string; reason: string } }>(
    '/institutions/:id/cancellation',
    {
      schema: {
        tags: ['registry'],
        summary: '取消定点资格（其协议同时终止）',
        params: idParams,
        body: {
          type: 'object',
          properties: { effectiveOn: date, reason: text },
          required: ['effectiveOn', 'reason'],
          additionalProperties: false,
        },
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

  app.put<{ Params: { id: string }; Body: CatalogueInput }>(
    '/institutions/:id/catalogue',
    {
      schema: {
        tags: ['registry'],
        summary: '更新机构药品库存目录与服务项目价格 (R-A14)',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            drugs: { type: 'array', items: catalogueEntry, maxItems: 20000 },
            services: { type: 'array', items: catalogueEntry, maxItems: 20000 },
          },
          required: ['drugs', 'services'],
          additionalProperties: false,
        },
        response: errors,
      },
    },
    async (request) =>
      putCatalogue(db, request.params.id, request.body, changeBy(request, '更新药品目录与服务项目')),
  );

  app.get<{ Params: { id: string } }>(
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

  app.get<{
    Querystring: {
      county?: string;
      type?: string;
      level?: string;
      q?: string;
      date?: string;
      page?: string;
      pageSize?: string;
    };
  }>(
    '/public/designated-institutions',
    {
      schema: {
        tags: ['public'],
        summary: '定点医药机构名单（公开，供参保人选择）(R-A3)',
        querystring: {
          type: 'object',
          properties: {
            county: { type: 'string' },
            type: { type: 'string', enum: [...INSTITUTION_TYPES] },
            level: { type: 'string', enum: [...LEVELS] },
            q: { type: 'string', description: '名称或编码的一部分' },
            date,
            ...PageQuery,
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { page, pageSize } = paging(request.query);
      return publishedList(db, { ...request.query, date: request.query.date ?? today() }, page, pageSize);
    },
  );
}
