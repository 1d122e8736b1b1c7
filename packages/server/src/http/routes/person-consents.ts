// 授权 (R-B7): POST /persons/{id}/consents, GET /persons/{id}/consents,
// POST /persons/{id}/consents/{consentId}/withdrawal. Recorded by officers (registry.write) from the
// signed form; who recorded and who withdrew are the authenticated identity (changeBy: actorOf,
// `open:<x-yibao-actor>` under serve --open).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  Consent,
  ConsentBody,
  ConsentList,
  ConsentParams,
  ConsentWithdrawalBody,
  IdParams,
  RegistryErrorResponses,
} from '@yibao/api';
import type { FastifyInstance } from 'fastify';
import { changeBy } from './registry/common.js';
import type { Database } from '../../db/types.js';
import { today } from '../../domain/today.js';
import { listConsents, recordConsent, withdraw } from '../../registry/consents.js';

export function personConsentRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['persons'];

  app.post(
    '/persons/:id/consents',
    {
      schema: {
        tags,
        summary: '登记参保人授权（机构查阅其健康或医保信息）',
        params: IdParams,
        body: ConsentBody,
        response: { 201: Consent, ...RegistryErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordConsent(db, request.params.id, request.body, changeBy(request, '').actor, today())),
  );

  app.get(
    '/persons/:id/consents',
    {
      schema: {
        tags,
        summary: '参保人的授权记录（含已撤回、已过期）',
        params: IdParams,
        response: { 200: ConsentList, ...RegistryErrorResponses },
      },
    },
    async (request) => ({ items: await listConsents(db, request.params.id, today()) }),
  );

  app.post(
    '/persons/:id/consents/:consentId/withdrawal',
    {
      schema: {
        tags,
        summary: '撤回授权',
        params: ConsentParams,
        body: ConsentWithdrawalBody,
        response: { 200: Consent, ...RegistryErrorResponses },
      },
    },
    async (request) =>
      withdraw(
        db,
        request.params.id,
        request.params.consentId,
        request.body.reason,
        changeBy(request, '').actor,
        today(),
      ),
  );
}
