// 参保人员就医关系: enrolment periods, chosen institutions, first contact, family-doctor contracts,
// disease certifications, relocation filings (R-B1–R-B5, R-C8, R-C10).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CertificationBody,
  CertificationParams,
  CertificationRevokeBody,
  ChosenInstitutionsBody,
  ContractBody,
  ContractEndBody,
  ContractParams,
  EnrolmentBody,
  EnrolmentEndBody,
  FirstContactBody,
  RelocationBody,
  ResidenceBody,
} from '@yibao/api';
import type { CareRecord } from '@yibao/api';
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
  type DiseaseLists,
} from '../../../registry/care/index.js';
import { asOfQuery, changeBy, created, errors, idParams, today } from './common.js';

/** The history's reason: the act, and the officer's why when the request gives one. */
function withReason(act: string, reason: string | undefined): string {
  return reason === undefined ? act : `${act}：${reason}`;
}

export function registryCareRoutes(server: FastifyInstance, db: Database, diseaseLists: DiseaseLists): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['registry'];

  app.get(
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
    async (request): Promise<CareRecord> => careRecord(db, request.params.id, request.query.date ?? today()),
  );

  app.put(
    '/persons/:id/residence',
    {
      schema: {
        tags,
        summary: '登记户籍所在县（判断市内跨县、市外就医）',
        params: idParams,
        body: ResidenceBody,
        response: errors,
      },
    },
    async (request) => setResidence(db, request.params.id, request.body, changeBy(request, '登记户籍所在县')),
  );

  app.post(
    '/persons/:id/enrolments',
    {
      schema: {
        tags,
        summary: '登记参保期 (R-B1)',
        params: idParams,
        body: EnrolmentBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, addEnrolment(db, request.params.id, request.body, changeBy(request, '登记参保期'))),
  );

  app.post(
    '/persons/:id/enrolments/end',
    {
      schema: {
        tags,
        summary: '终止参保（当前参保期截止于某日）',
        params: idParams,
        body: EnrolmentEndBody,
        response: errors,
      },
    },
    async (request) => endEnrolment(db, request.params.id, request.body, changeBy(request, '终止参保')),
  );

  app.put(
    '/persons/:id/chosen-institutions',
    {
      schema: {
        tags,
        summary: '选定定点社区医疗机构（1–2家；中心可加选其一个服务站）(R-B2)',
        params: idParams,
        body: ChosenInstitutionsBody,
        response: errors,
      },
    },
    async (request) =>
      chooseInstitutions(db, request.params.id, request.body, changeBy(request, '选定定点机构')),
  );

  app.post(
    '/persons/:id/first-contact',
    {
      schema: {
        tags,
        summary: '选定年度首诊基层医疗机构（每年一家）(R-B3)',
        params: idParams,
        body: FirstContactBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(
        reply,
        chooseFirstContact(db, request.params.id, request.body, changeBy(request, '选定首诊机构')),
      ),
  );

  app.post(
    '/persons/:id/family-doctor-contracts',
    {
      schema: {
        tags,
        summary: '家庭医生签约 "1+1+1"（社区 + 区级 + 市级医院）(R-B4)',
        params: idParams,
        body: ContractBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, signContract(db, request.params.id, request.body, changeBy(request, '家庭医生签约'))),
  );

  app.post(
    '/persons/:id/family-doctor-contracts/:contractId/end',
    {
      schema: {
        tags,
        summary: '解除家庭医生签约',
        params: ContractParams,
        body: ContractEndBody,
        response: errors,
      },
    },
    async (request) =>
      endContract(
        db,
        request.params.id,
        request.params.contractId,
        request.body,
        changeBy(request, withReason('解除签约', request.body.reason)),
      ),
  );

  app.post(
    '/persons/:id/certifications',
    {
      schema: {
        tags,
        summary: '门诊慢性病、特殊病种认定 (R-C10, R-C8)',
        params: idParams,
        body: CertificationBody,
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

  app.post(
    '/persons/:id/certifications/:certificationId/revoke',
    {
      schema: {
        tags,
        summary: '撤销病种认定',
        params: CertificationParams,
        body: CertificationRevokeBody,
        response: errors,
      },
    },
    async (request) =>
      revokeCertification(
        db,
        request.params.id,
        request.params.certificationId,
        request.body,
        changeBy(request, withReason('撤销认定', request.body.reason)),
      ),
  );

  app.post(
    '/persons/:id/relocations',
    {
      schema: {
        tags,
        summary: '异地安置备案（一年内二次备案且已享受异地待遇者，取消当年异地安置待遇）(R-B5)',
        params: idParams,
        body: RelocationBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, fileRelocation(db, request.params.id, request.body, changeBy(request, '异地安置备案'))),
  );
}
