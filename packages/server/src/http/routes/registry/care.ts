// 参保人员就医关系: enrolment periods, chosen institutions, first contact, family-doctor contracts,
// disease certifications, relocation filings (R-B1–R-B5, R-C8, R-C10).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import {
  addEnrolment,
  careRecord,
  certifyDisease,
  chooseFirstContact,
  chooseInstitutions,
  endContract,
  endEnrolment,
  fileRelocation,
  revokeCertification,
  setResidence,
  signContract,
  type ContractInput,
  type DiseaseLists,
} from '../../../registry/care/index.js';
import { DATE_PATTERN } from '@yibao/api';
import { asOfQuery, changeBy, created, date, errors, id, idParams, text, today } from './common.js';

const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const body = (properties: Record<string, unknown>, required: string[]) =>
  ({ type: 'object', properties, required, additionalProperties: false }) as const;
const subParams = (sub: string) =>
  ({ type: 'object', properties: { id, [sub]: id }, required: ['id', sub] }) as const;

export function registryCareRoutes(app: FastifyInstance, db: Database, diseaseLists: DiseaseLists): void {
  const tags = ['registry'];

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>(
    '/persons/:id/care',
    {
      schema: {
        tags,
        summary: '参保人就医关系（参保期、选定机构、首诊、签约、慢特病、异地安置）及某日适用情况',
        params: idParams,
        querystring: asOfQuery,
        response: errors,
      },
    },
    async (request) => careRecord(db, request.params.id, request.query.date ?? today()),
  );

  app.put<{ Params: { id: string }; Body: { county: string } }>(
    '/persons/:id/residence',
    {
      schema: {
        tags,
        summary: '登记户籍所在县（判断市内跨县、市外就医）',
        params: idParams,
        body: body({ county: id }, ['county']),
        response: errors,
      },
    },
    async (request) => setResidence(db, request.params.id, request.body, changeBy(request, '登记户籍所在县')),
  );

  app.post<{ Params: { id: string }; Body: { validFrom: string; validTo?: string | null } }>(
    '/persons/:id/enrolments',
    {
      schema: {
        tags,
        summary: '登记参保期 (R-B1)',
        params: idParams,
        body: body({ validFrom: date, validTo: { type: ['string', 'null'], pattern: DATE_PATTERN } }, [
          'validFrom',
        ]),
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, addEnrolment(db, request.params.id, request.body, changeBy(request, '登记参保期'))),
  );

  app.post<{ Params: { id: string }; Body: { validTo: string } }>(
    '/persons/:id/enrolments/end',
    {
      schema: {
        tags,
        summary: '终止参保（当前参保期截止于某日）',
        params: idParams,
        body: body({ validTo: date }, ['validTo']),
        response: errors,
      },
    },
    async (request) => endEnrolment(db, request.params.id, request.body, changeBy(request, '终止参保')),
  );

  app.put<{ Params: { id: string }; Body: { year: number; institutionIds: string[] } }>(
    '/persons/:id/chosen-institutions',
    {
      schema: {
        tags,
        summary: '选定定点社区医疗机构（1–2家；中心可加选其一个服务站）(R-B2)',
        params: idParams,
        body: body({ year, institutionIds: { type: 'array', items: id, minItems: 1, maxItems: 4 } }, [
          'year',
          'institutionIds',
        ]),
        response: errors,
      },
    },
    async (request) =>
      chooseInstitutions(db, request.params.id, request.body, changeBy(request, '选定定点机构')),
  );

  app.post<{ Params: { id: string }; Body: { year: number; institutionId: string; chosenOn: string } }>(
    '/persons/:id/first-contact',
    {
      schema: {
        tags,
        summary: '选定年度首诊基层医疗机构（每年一家）(R-B3)',
        params: idParams,
        body: body({ year, institutionId: id, chosenOn: date }, ['year', 'institutionId', 'chosenOn']),
        response: errors,
      },
    },
    async (request, reply) =>
      created(
        reply,
        chooseFirstContact(db, request.params.id, request.body, changeBy(request, '选定首诊机构')),
      ),
  );

  app.post<{ Params: { id: string }; Body: ContractInput }>(
    '/persons/:id/family-doctor-contracts',
    {
      schema: {
        tags,
        summary: '家庭医生签约 "1+1+1"（社区 + 区级 + 市级医院）(R-B4)',
        params: idParams,
        body: body(
          {
            id,
            communityCentreId: id,
            districtHospitalId: { type: ['string', 'null'] },
            cityHospitalId: { type: ['string', 'null'] },
            doctor: text,
            priorityGroup: {
              type: ['string', 'null'],
              enum: ['disabled_elderly', 'assistance', 'chronic', 'elderly', 'other', null],
            },
            identityVerified: { type: 'boolean' },
            validFrom: date,
            validTo: date,
          },
          ['communityCentreId', 'doctor', 'identityVerified', 'validFrom', 'validTo'],
        ),
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, signContract(db, request.params.id, request.body, changeBy(request, '家庭医生签约'))),
  );

  app.post<{ Params: { id: string; contractId: string }; Body: { endedOn: string } }>(
    '/persons/:id/family-doctor-contracts/:contractId/end',
    {
      schema: {
        tags,
        summary: '解除家庭医生签约',
        params: subParams('contractId'),
        body: body({ endedOn: date }, ['endedOn']),
        response: errors,
      },
    },
    async (request) =>
      endContract(
        db,
        request.params.id,
        request.params.contractId,
        request.body,
        changeBy(request, '解除签约'),
      ),
  );

  app.post<{
    Params: { id: string };
    Body: {
      code: string;
      kind: 'chronic' | 'special';
      validFrom: string;
      validTo?: string | null;
      certifiedBy?: string | null;
    };
  }>(
    '/persons/:id/certifications',
    {
      schema: {
        tags,
        summary: '门诊慢性病、特殊病种认定 (R-C10, R-C8)',
        params: idParams,
        body: body(
          {
            code: { type: 'string', pattern: '^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?$' },
            kind: { type: 'string', enum: ['chronic', 'special'] },
            validFrom: date,
            validTo: { type: ['string', 'null'], pattern: DATE_PATTERN },
            certifiedBy: { type: ['string', 'null'] },
          },
          ['code', 'kind', 'validFrom'],
        ),
        response: errors,
      },
    },
    async (request, reply) =>
      created(
        reply,
        certifyDisease(
          db,
          request.params.id,
          request.body,
          diseaseLists,
          changeBy(request, `认定 ${request.body.code}`),
        ),
      ),
  );

  app.post<{ Params: { id: string; certificationId: string }; Body: { revokedOn: string } }>(
    '/persons/:id/certifications/:certificationId/revoke',
    {
      schema: {
        tags,
        summary: '撤销病种认定',
        params: subParams('certificationId'),
        body: body({ revokedOn: date }, ['revokedOn']),
        response: errors,
      },
    },
    async (request) =>
      revokeCertification(
        db,
        request.params.id,
        request.params.certificationId,
        request.body,
        changeBy(request, '撤销认定'),
      ),
  );

  app.post<{
    Params: { id: string };
    Body: { filedOn: string; destination: string; validFrom: string; validTo?: string | null };
  }>(
    '/persons/:id/relocations',
    {
      schema: {
        tags,
        summary: '异地安置备案（一年内二次备案且已享受异地待遇者，取消当年异地安置待遇）(R-B5)',
        params: idParams,
        body: body(
          {
            filedOn: date,
            destination: text,
            validFrom: date,
            validTo: { type: ['string', 'null'], pattern: DATE_PATTERN },
          },
          ['filedOn', 'destination', 'validFrom'],
        ),
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, fileRelocation(db, request.params.id, request.body, changeBy(request, '异地安置备案'))),
  );
}
