// 医疗服务协议: sign, amend (补充协议), suspend / resume / terminate, read as of a date (R-A5, R-A6, R-A9).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AgreementStateBody,
  AmendmentBody,
  RenewAgreementBody,
  RenewalsBody,
  RenewalsResult,
  SignAgreementBody,
} from '@yibao/api';
import type { Agreement } from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import {
  amendAgreement,
  changeAgreementState,
  findAgreement,
  listAgreements,
  onDate,
  renewAgreement,
  renewAgreements,
  signAgreement,
} from '../../../registry/agreements.js';
import { institutionView } from '../../../registry/designation.js';
import { asOfQuery, changeBy, created, errors, idParams, today } from './common.js';

export function registryAgreementRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/institutions/:id/agreements',
    {
      schema: {
        tags: ['registry'],
        summary: '签订年度医疗服务协议',
        params: idParams,
        body: SignAgreementBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(
        reply,
        signAgreement(
          db,
          request.params.id,
          request.body,
          changeBy(request, `签订${request.body.year}年度协议`),
        ),
      ),
  );

  app.get(
    '/institutions/:id/agreements',
    {
      schema: {
        tags: ['registry'],
        summary: '机构的协议（含某日状态与在用指标）',
        params: idParams,
        querystring: asOfQuery,
        response: errors,
      },
    },
    async (request): Promise<{ items: Agreement[] }> => {
      if (!(await institutionView(db, request.params.id)))
        throw new NotFound('定点医药机构', request.params.id, 'id');
      const day = request.query.date ?? today();
      return { items: (await listAgreements(db, request.params.id)).map((a) => onDate(a, day)) };
    },
  );

  app.get(
    '/agreements/:id',
    {
      schema: {
        tags: ['registry'],
        summary: '协议详情（按某日的状态、指标与结算条款）',
        params: idParams,
        querystring: asOfQuery,
        response: errors,
      },
    },
    async (request): Promise<Agreement> => {
      const a = await findAgreement(db, request.params.id);
      if (!a) throw new NotFound('协议', request.params.id, 'id');
      return onDate(a, request.query.date ?? today());
    },
  );

  app.post(
    '/agreements/:id/renew',
    {
      schema: {
        tags: ['registry'],
        summary: '续签：由本年度协议签订下一年度协议（指标与结算条款取期末在用的）',
        params: idParams,
        body: RenewAgreementBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(reply, renewAgreement(db, request.params.id, request.body, changeBy(request, '续签协议'))),
  );

  app.post(
    '/agreements/renewals',
    {
      schema: {
        tags: ['registry'],
        summary: '批量续签：上一年度仍有效的协议一律续签为该年度协议',
        body: RenewalsBody,
        response: { 200: RenewalsResult, ...errors },
      },
    },
    async (request) =>
      renewAgreements(
        db,
        { year: request.body.year, signedOn: request.body.signedOn ?? today() },
        changeBy(request, `批量续签${request.body.year}年度协议`),
      ),
  );

  app.post(
    '/agreements/:id/state',
    {
      schema: {
        tags: ['registry'],
        summary: '暂停、恢复或终止协议（写明原因与生效日期）',
        params: idParams,
        body: AgreementStateBody,
        response: errors,
      },
    },
    async (request) =>
      changeAgreementState(
        db,
        request.params.id,
        request.body,
        changeBy(request, `协议${request.body.state}：${request.body.reason}`),
      ),
  );

  app.post(
    '/agreements/:id/amendments',
    {
      schema: {
        tags: ['registry'],
        summary: '签订补充协议（自生效日起变更指标或结算条款）',
        params: idParams,
        body: AmendmentBody,
        response: errors,
      },
    },
    async (request, reply) =>
      created(
        reply,
        amendAgreement(
          db,
          request.params.id,
          request.body,
          changeBy(request, `补充协议：${request.body.reason}`),
        ),
      ),
  );
}
