// 医疗服务协议: sign, amend (补充协议), suspend / resume / terminate, read as of a date (R-A5, R-A6, R-A9).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { NotFound } from '../../../domain/errors.js';
import {
  amendAgreement,
  changeAgreementState,
  findAgreement,
  listAgreements,
  onDate,
  signAgreement,
  type Amendment,
  type AgreementState,
  type SignInput,
} from '../../../registry/agreements.js';
import { institutionView } from '../../../registry/institutions.js';
import { asOfQuery, changeBy, created, date, errors, id, idParams, percent, text, today } from './common.js';

const indicators = {
  type: 'object',
  description: '协议考核与费用控制指标 (R-A6)，比例为百分数',
  properties: {
    drugCostShareMax: { ...percent, description: '药品费用占比上限（按机构等级）' },
    selfPaidDrugShareMax: { ...percent, description: '自费药品费用占药品费用比例上限' },
    inpatientOutOfScopeShareMax: { ...percent, description: '住院目录外费用占比上限' },
    inpatientPersonalBurdenShareMax: { ...percent, description: '住院个人负担比例上限' },
    totalControlAmount: { type: 'number', minimum: 0, description: '总额控制指标，元' },
    catalogueStockingRateMin: { ...percent, description: '基本药物配备率下限' },
    catalogueUsageRateMin: { ...percent, description: '基本药物使用率下限' },
    satisfactionMin: { ...percent, description: '参保人满意度下限 (R-A10)' },
  },
  additionalProperties: false,
} as const;

const settlementTerms = {
  type: 'object',
  description: '结算办法、标准与时限',
  properties: {
    method: { type: 'string', minLength: 1, maxLength: 100 },
    paymentDays: { type: 'integer', minimum: 0, maximum: 365 },
    qualityDepositPercent: percent,
  },
  required: ['method', 'paymentDays'],
  additionalProperties: false,
} as const;

export function registryAgreementRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Params: { id: string }; Body: SignInput }>(
    '/institutions/:id/agreements',
    {
      schema: {
        tags: ['registry'],
        summary: '签订年度医疗服务协议',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            id,
            year: { type: 'integer', minimum: 2000, maximum: 2100 },
            validFrom: date,
            validTo: date,
            signedOn: date,
            indicators,
            settlementTerms,
          },
          required: ['year', 'signedOn', 'indicators', 'settlementTerms'],
          additionalProperties: false,
        },
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

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>(
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
    async (request) => {
      if (!(await institutionView(db, request.params.id)))
        throw new NotFound('定点医药机构', request.params.id, 'id');
      const day = request.query.date ?? today();
      return { items: (await listAgreements(db, request.params.id)).map((a) => onDate(a, day)) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>(
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
    async (request) => {
      const a = await findAgreement(db, request.params.id);
      if (!a) throw new NotFound('协议', request.params.id, 'id');
      return onDate(a, request.query.date ?? today());
    },
  );

  app.post<{ Params: { id: string }; Body: { state: AgreementState; effectiveOn: string; reason: string } }>(
    '/agreements/:id/state',
    {
      schema: {
        tags: ['registry'],
        summary: '暂停、恢复或终止协议（写明原因与生效日期）',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: ['active', 'suspended', 'terminated'] },
            effectiveOn: date,
            reason: text,
          },
          required: ['state', 'effectiveOn', 'reason'],
          additionalProperties: false,
        },
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

  app.post<{
    Params: { id: string };
    Body: {
      id?: string;
      signedOn: string;
      effectiveOn: string;
      changes: Amendment['changes'];
      reason: string;
    };
  }>(
    '/agreements/:id/amendments',
    {
      schema: {
        tags: ['registry'],
        summary: '签订补充协议（自生效日起变更指标或结算条款）',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            id,
            signedOn: date,
            effectiveOn: date,
            changes: {
              type: 'object',
              properties: { indicators, settlementTerms: { ...settlementTerms, required: [] } },
              additionalProperties: false,
              minProperties: 1,
            },
            reason: text,
          },
          required: ['signedOn', 'effectiveOn', 'changes', 'reason'],
          additionalProperties: false,
        },
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
