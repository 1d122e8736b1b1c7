// 协议考核、信用等级、满意度、举报投诉与信息公开 (R-A7, R-A8, R-A10).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AssessmentBody,
  AssessmentQuery,
  ComplaintBody,
  ComplaintClosureBody,
  DisclosureQuery,
  PublicAssessmentQuery,
  SurveyBody,
} from '@yibao/api';
import type { Assessment, Complaint, Disclosure } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import {
  assessAgreement,
  findAssessment,
  listAssessments,
  publishAssessment,
} from '../../../registry/assessment.js';
import {
  closeComplaint,
  disclosure,
  listComplaints,
  receiveComplaint,
  recordSurvey,
} from '../../../registry/feedback.js';
import { changeBy, created, errors, idParams } from './common.js';

const yearOf = (y: string | undefined): number | undefined => (y === undefined ? undefined : Number(y));

export function registrySupervisionRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['registry'];

  app.post(
    '/agreements/:id/assessments',
    {
      schema: {
        tags,
        summary: '协议考核：按考核期结算数据计算各项指标、计分、评定信用等级 (R-A7, R-A8)',
        params: idParams,
        body: AssessmentBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, assessAgreement(db, request.params.id, request.body, changeBy(request, '协议考核'))),
  );

  app.get(
    '/assessments/:id',
    { schema: { tags, summary: '考核结果', params: idParams, response: errors } },
    async (request): Promise<Assessment> => {
      const a = await findAssessment(db, request.params.id);
      if (!a) throw new NotFound('考核结果', request.params.id, 'id');
      return a;
    },
  );

  app.get(
    '/assessments',
    {
      schema: {
        tags,
        summary: '考核结果列表（含未公开）',
        querystring: AssessmentQuery,
      },
    },
    async (request): Promise<{ items: Assessment[] }> => ({
      items: await listAssessments(db, {
        institutionId: request.query.institutionId,
        year: yearOf(request.query.year),
        publishedOnly: false,
      }),
    }),
  );

  app.post(
    '/assessments/:id/publication',
    { schema: { tags, summary: '公开考核结果 (R-A7)', params: idParams, response: errors } },
    async (request) => publishAssessment(db, request.params.id, changeBy(request, '公开考核结果')),
  );

  app.get(
    '/public/assessments',
    {
      schema: {
        tags: ['public'],
        summary: '已公开的定点机构考核结果与信用等级（公开）',
        querystring: PublicAssessmentQuery,
      },
    },
    async (request): Promise<{ items: Assessment[] }> => ({
      items: await listAssessments(db, { year: yearOf(request.query.year), publishedOnly: true }),
    }),
  );

  app.get(
    '/public/institutions/:id/disclosure',
    {
      schema: {
        tags: ['public'],
        summary: '定点机构信息公开：次均费用、基金支付、满意度、举报投诉、已公开的考核等级 (R-A10)',
        params: idParams,
        querystring: DisclosureQuery,
        response: errors,
      },
    },
    async (request): Promise<Disclosure> => disclosure(db, request.params.id, Number(request.query.year)),
  );

  app.post(
    '/institutions/:id/satisfaction-surveys',
    {
      schema: {
        tags,
        summary: '登记满意度调查结果 (R-A10)',
        params: idParams,
        body: SurveyBody,
        response: errors,
      },
    },
    async (request, reply) => created(reply, recordSurvey(db, request.params.id, request.body)),
  );

  app.post(
    '/institutions/:id/complaints',
    {
      schema: {
        tags,
        summary: '受理举报或投诉 (R-A10)',
        params: idParams,
        body: ComplaintBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(
        reply,
        receiveComplaint(db, request.params.id, request.body, changeBy(request, '受理举报投诉')),
      ),
  );

  app.get(
    '/institutions/:id/complaints',
    { schema: { tags, summary: '机构的举报投诉', params: idParams, response: errors } },
    async (request): Promise<{ items: Complaint[] }> => ({
      items: await listComplaints(db, request.params.id),
    }),
  );

  app.post(
    '/complaints/:id/closure',
    {
      schema: {
        tags,
        summary: '举报投诉办结（查实或不实）',
        params: idParams,
        body: ComplaintClosureBody,
        response: errors,
      },
    },
    async (request) =>
      closeComplaint(
        db,
        request.params.id,
        request.body,
        changeBy(request, `举报投诉办结：${request.body.state}`),
      ),
  );
}
