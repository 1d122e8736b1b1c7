// 疑点 (SUPERVISION_CONTRACT.md): the list with its filters (R-F3's city, district and centre views
// among them), one alert, the institution's appeal, the reviewer's decision, and exemptions.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  Alert,
  AlertPage,
  AlertParams,
  AlertQuery,
  AppealBody,
  Exemption,
  ExemptionBody,
  ExemptionQuery,
  RegistryErrorResponses,
  AlertReviewBody,
} from '@yibao/api';
import type { PolicyBook } from '@yibao/engine';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, assertOwnInstitution } from '../../../access/identity.js';
import type { Database } from '../../../db/types.js';
import { listExemptions } from '../../../store/supervision/exemptions.js';
import {
  appeal,
  alertToWire,
  findAlert,
  pageOfAlerts,
  review,
  type Acting,
} from '../../../supervision/alerts.js';
import { createExemption } from '../../../supervision/exemptions.js';
import { libraryOf } from '../../../supervision/library.js';
import { paging } from '../../paging.js';

const errors = RegistryErrorResponses;

/** Who acts (the authenticated identity, never a header) and, for a bound caller, its own institution only. */
function acting(request: FastifyRequest): Acting {
  return {
    by: actorOf(request.identity),
    at: new Date().toISOString(),
    own: (institutionId) => {
      assertOwnInstitution(request, institutionId, 'id');
    },
  };
}

export function supervisionAlertRoutes(server: FastifyInstance, db: Database, book: PolicyBook): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['supervision'];

  app.get(
    '/supervision/alerts',
    {
      schema: {
        tags,
        summary: '疑点列表：按机构、规则、状态、参保人；家庭医生监测按全市、区县、中心、医生 (R-F3)',
        querystring: AlertQuery,
        response: { 200: AlertPage, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      return pageOfAlerts(
        db,
        {
          institutionId: q.institutionId,
          ruleId: q.ruleId,
          status: q.status,
          personId: q.personId,
          settlementId: q.settlementId,
          from: q.from,
          to: q.to,
          familyDoctor: q.familyDoctor === undefined ? undefined : q.familyDoctor === 'true',
          county: q.county,
          doctor: q.doctor,
          contractId: q.contractId,
        },
        paging(q),
      );
    },
  );

  app.get(
    '/supervision/alerts/:id',
    {
      schema: {
        tags,
        summary: '疑点：证据、状态与全部经过',
        params: AlertParams,
        response: { 200: Alert, ...errors },
      },
    },
    async (request) => {
      const alert = await findAlert(db, request.params.id);
      assertOwnInstitution(request, alert.institutionId, 'id');
      return alertToWire(alert);
    },
  );

  app.post(
    '/supervision/alerts/:id/appeal',
    {
      schema: {
        tags,
        summary: '机构申诉（申诉期内；家医预警由签约中心说明）',
        params: AlertParams,
        body: AppealBody,
        response: { 200: Alert, ...errors },
      },
    },
    async (request) => appeal(db, libraryOf(book), request.params.id, request.body, acting(request)),
  );

  app.post(
    '/supervision/alerts/:id/review',
    {
      schema: {
        tags,
        summary: '复核：维持（有金额的形成扣款）或撤销',
        params: AlertParams,
        body: AlertReviewBody,
        response: { 200: Alert, ...errors },
      },
    },
    async (request) => review(db, libraryOf(book), request.params.id, request.body, acting(request)),
  );

  app.post(
    '/supervision/exemptions',
    {
      schema: {
        tags,
        summary: '豁免：某参保人某规则在日期范围内不再生成疑点（计划性治疗等）',
        body: ExemptionBody,
        response: { 201: Exemption, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createExemption(db, libraryOf(book), request.body, actorOf(request.identity))),
  );

  app.get(
    '/supervision/exemptions',
    { schema: { tags, summary: '豁免列表', querystring: ExemptionQuery, response: errors } },
    async (request): Promise<{ items: Exemption[] }> => ({ items: await listExemptions(db, request.query) }),
  );
}
