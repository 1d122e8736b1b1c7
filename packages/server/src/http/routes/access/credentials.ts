// 机构接口凭证 over HTTP (issue 13): issue, list, revoke, rotate — by an identity with
// credentials.manage (管理员). The secret is in the 201 that issues it and nowhere else.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CredentialBody,
  CredentialList,
  CredentialParams,
  CredentialRevocationBody,
  Credential,
  ErrorResponses,
  IssuedCredential,
} from '@yibao/api';
import { Type } from 'typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/types.js';
import {
  issueCredential,
  listCredentials,
  revokeCredential,
  rotateCredential,
} from '../../../access/credentials.js';
import { actorOf } from '../../../access/identity.js';

const tags = ['credentials'];
const InstitutionParams = Type.Object({ id: CredentialParams.properties.id });

/** A POST with no body at all (curl -X POST) is the empty body: the label is optional. */
function noBodyIsEmpty(request: FastifyRequest, _reply: unknown, done: () => void): void {
  request.body ??= {};
  done();
}

export function credentialRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/institutions/:id/credentials',
    {
      schema: {
        tags,
        summary: '签发机构接口凭证（密钥仅在此应答中显示一次）',
        params: InstitutionParams,
        body: CredentialBody,
        response: { 201: IssuedCredential, ...ErrorResponses },
      },
      preValidation: noBodyIsEmpty,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueCredential(db, request.params.id, request.body, actorOf(request.identity))),
  );

  app.get(
    '/institutions/:id/credentials',
    {
      schema: {
        tags,
        summary: '机构的接口凭证（不含密钥）',
        params: InstitutionParams,
        response: { 200: CredentialList, ...ErrorResponses },
      },
    },
    async (request) => ({ items: await listCredentials(db, request.params.id) }),
  );

  app.post(
    '/institutions/:id/credentials/:keyId/revocation',
    {
      schema: {
        tags,
        summary: '吊销凭证（数秒内在所有服务进程失效）',
        params: CredentialParams,
        body: CredentialRevocationBody,
        response: { 200: Credential, ...ErrorResponses },
      },
    },
    async (request) =>
      revokeCredential(
        db,
        request.params.id,
        request.params.keyId,
        request.body.reason,
        actorOf(request.identity),
      ),
  );

  app.post(
    '/institutions/:id/credentials/:keyId/rotation',
    {
      schema: {
        tags,
        summary: '轮换凭证：签发新凭证，旧凭证 24 小时后失效',
        params: CredentialParams,
        body: CredentialBody,
        response: { 201: IssuedCredential, ...ErrorResponses },
      },
      preValidation: noBodyIsEmpty,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await rotateCredential(
            db,
            request.params.id,
            request.params.keyId,
            request.body,
            actorOf(request.identity),
          ),
        ),
  );
}
