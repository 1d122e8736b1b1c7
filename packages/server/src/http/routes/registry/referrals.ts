// 转诊单与电子处方 as records institutions create (R-D3, R-D6, R-D8), and any record's history.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import { listVersions, versionAsOf, type Entity } from '../../../registry/history.js';
import {
  createEPrescription,
  createReferral,
  fileReferral,
  findEPrescription,
  findReferral,
  type EPrescriptionInput,
  type ReferralInput,
} from '../../../registry/referrals.js';
import { changeBy, created, date, errors, id, idParams } from './common.js';

const ENTITIES: readonly Entity[] = [
  'institution',
  'application',
  'agreement',
  'catalogue',
  'person_care',
  'referral',
  'e_prescription',
  'assessment',
  'complaint',
];

export function registryReferralRoutes(app: FastifyInstance, db: Database): void {
  const tags = ['registry'];

  app.post<{ Body: ReferralInput }>(
    '/referrals',
    {
      schema: {
        tags,
        summary: '开具转诊单（方向由两机构等级决定，范围由参保人户籍县与转入机构决定）',
        body: {
          type: 'object',
          properties: {
            id,
            personId: id,
            fromInstitutionId: id,
            toInstitutionId: id,
            issuedOn: date,
            validUntil: date,
            previousSettlementId: {
              type: ['string', 'null'],
              description: '转诊前住院的结算，用于合并起付线 (R-D6)',
            },
            diagnosis: { type: ['string', 'null'] },
          },
          required: ['personId', 'fromInstitutionId', 'toInstitutionId', 'issuedOn', 'validUntil'],
          additionalProperties: false,
        },
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, createReferral(db, request.body, changeBy(request, '开具转诊单'))),
  );

  app.get<{ Params: { id: string } }>(
    '/referrals/:id',
    { schema: { tags, summary: '转诊单', params: idParams, response: errors } },
    async (request) => {
      const r = await findReferral(db, request.params.id);
      if (!r) throw new NotFound('转诊单', request.params.id, 'id');
      return r;
    },
  );

  app.post<{ Params: { id: string }; Body: { filedOn: string } }>(
    '/referrals/:id/filing',
    {
      schema: {
        tags,
        summary: '转诊备案',
        params: idParams,
        body: {
          type: 'object',
          properties: { filedOn: date },
          required: ['filedOn'],
          additionalProperties: false,
        },
        response: errors,
      },
    },
    async (request) => fileReferral(db, request.params.id, request.body, changeBy(request, '转诊备案')),
  );

  app.post<{ Body: EPrescriptionInput }>(
    '/e-prescriptions',
    {
      schema: {
        tags,
        summary: '开具电子处方 (R-D8)',
        body: {
          type: 'object',
          properties: {
            id,
            personId: id,
            institutionId: id,
            doctor: { type: 'string', minLength: 1, maxLength: 100 },
            issuedOn: date,
            validUntil: date,
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 100,
              items: {
                type: 'object',
                properties: {
                  code: id,
                  name: { type: 'string', maxLength: 200 },
                  quantity: { type: 'number', exclusiveMinimum: 0 },
                },
                required: ['code', 'name', 'quantity'],
                additionalProperties: false,
              },
            },
          },
          required: ['personId', 'institutionId', 'doctor', 'issuedOn', 'validUntil', 'items'],
          additionalProperties: false,
        },
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, createEPrescription(db, request.body, changeBy(request, '开具电子处方'))),
  );

  app.get<{ Params: { id: string } }>(
    '/e-prescriptions/:id',
    { schema: { tags, summary: '电子处方', params: idParams, response: errors } },
    async (request) => {
      const rx = await findEPrescription(db, request.params.id);
      if (!rx) throw new NotFound('电子处方', request.params.id, 'id');
      return rx;
    },
  );

  app.get<{ Params: { entity: string; id: string }; Querystring: { asOf?: string } }>(
    '/history/:entity/:id',
    {
      schema: {
        tags,
        summary: '登记记录的历史版本（谁、何时、改了什么）；asOf 取某时点的版本',
        params: {
          type: 'object',
          properties: { entity: { type: 'string', enum: [...ENTITIES] }, id },
          required: ['entity', 'id'],
        },
        querystring: {
          type: 'object',
          properties: {
            asOf: {
              type: 'string',
              pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z?)?$',
              description: '日期或 ISO 时间',
            },
          },
          additionalProperties: false,
        },
        response: errors,
      },
    },
    async (request) => {
      const entity = request.params.entity as Entity;
      if (request.query.asOf !== undefined) {
        const v = await versionAsOf(db, entity, request.params.id, request.query.asOf);
        if (!v)
          throw new NotFound(
            '登记记录',
            request.params.id,
            'asOf',
            `${request.params.id} 在 ${request.query.asOf} 时尚无记录`,
          );
        return v;
      }
      const versions = await listVersions(db, entity, request.params.id);
      if (versions.length === 0) throw new NotFound('登记记录', request.params.id, 'id');
      return { items: versions };
    },
  );
}
