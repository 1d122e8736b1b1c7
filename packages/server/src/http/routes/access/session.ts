// 登录与会话 (issue 13): sign in, who am I, sign out, change my own password; and my bearer tokens.
// The cookie: `yibao_session`, HttpOnly (no script reads it), SameSite=Strict (no other site's page
// sends it), Path=/, no Max-Age (it ends with the browser; the server ends it after 8 hours or 30
// idle minutes whichever comes first), Secure unless the request came over plain HTTP to a
// loopback name (development on 127.0.0.1 / localhost) — docs/access.md.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ApiTokenList,
  ApiToken,
  ErrorResponses,
  IssuedToken,
  NoContent,
  OwnPasswordBody,
  RecordParams,
  SessionAnswer,
  SignInBody,
  TokenBody,
} from '@yibao/api';
import { ROLES } from '@yibao/api/constants';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../db/types.js';
import { Forbidden } from '../../../domain/errors.js';
import { sessionOf } from '../../../access/officer-session.js';
import { requireOfficer } from '../../../access/officer.js';
import {
  accountAnswer,
  changeOwnPassword,
  sessionAnswer,
  SESSION_COOKIE,
  signIn,
  signOut,
} from '../../../access/sessions.js';
import { issueToken, listOwnTokens, revokeOwnToken } from '../../../access/tokens.js';

const LOOPBACK_NAMES = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[?::1\]?)$/i;

/** Secure unless plain HTTP to a loopback name: a browser on the officer's own machine in development. */
export function secureCookie(request: FastifyRequest): boolean {
  return request.protocol === 'https' || !LOOPBACK_NAMES.test(request.hostname);
}

function cookieOptions(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: secureCookie(request) } as const;
}

/** `serve --open`: nobody signed in, every permission — what the console is told it may show. */
const OPEN_ANSWER: SessionAnswer = {
  account: {
    id: 'open',
    username: 'open',
    displayName: '开放模式（不检查凭证，仅供开发）',
    roles: ROLES.filter((r) => r !== 'institution_user'),
    institutionId: null,
  },
  csrfToken: null,
};

export function sessionRoutes(server: FastifyInstance, db: Database): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['session'];

  app.post(
    '/session',
    {
      schema: {
        tags,
        summary: '登录：连续 5 次密码错误锁定 15 分钟；成功后设置 yibao_session Cookie',
        body: SignInBody,
        response: { 200: SessionAnswer, ...ErrorResponses },
      },
    },
    async (request, reply): Promise<SessionAnswer> => {
      const userAgent = request.headers['user-agent'];
      const { sessionId, answer } = await signIn(db, request.body, {
        ip: request.ip,
        userAgent: typeof userAgent === 'string' ? userAgent : null,
      });
      void reply.setCookie(SESSION_COOKIE, sessionId, cookieOptions(request));
      return answer;
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: '当前登录的账户与 CSRF 令牌（写请求须在 x-csrf-token 头中携带）',
        response: { 200: SessionAnswer, ...ErrorResponses },
      },
    },
    async (request): Promise<SessionAnswer> => {
      if (request.identity.kind === 'open') return OPEN_ANSWER;
      const officer = requireOfficer(request);
      const session = sessionOf(request);
      return session !== undefined ? sessionAnswer(session.open) : accountAnswer(db, officer.accountId);
    },
  );

  app.delete(
    '/session',
    {
      schema: {
        tags,
        summary: '退出登录：会话结束，Cookie 清除',
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (request, reply): Promise<FastifyReply> => {
      // Under `serve --open` no authenticator ran: the cookie, if any, is ended all the same.
      const id =
        sessionOf(request)?.id ??
        (request.identity.kind === 'open' ? request.cookies[SESSION_COOKIE] : undefined);
      if (id !== undefined) await signOut(db, id);
      else if (request.identity.kind !== 'open')
        throw new Forbidden('no_session', '此请求不是以登录会话发出的（接口令牌请用吊销）');
      return reply.clearCookie(SESSION_COOKIE, cookieOptions(request)).status(204).send(null);
    },
  );

  app.post(
    '/session/password',
    {
      schema: {
        tags,
        summary: '修改本人密码（至少 12 位，不得与登录名相同）；本账户的其他会话随即结束',
        body: OwnPasswordBody,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (request, reply): Promise<FastifyReply> => {
      const officer = requireOfficer(request);
      await changeOwnPassword(db, officer.accountId, sessionOf(request)?.id ?? null, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: '签发本人的接口令牌（至多 90 天，仅此一次显示）；须以登录会话签发',
        body: TokenBody,
        response: { 201: IssuedToken, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const officer = requireOfficer(request);
      // A token does not make tokens: a leaked one cannot extend itself.
      if (officer.via !== 'session')
        throw new Forbidden('session_required', '接口令牌须在登录会话中签发，不能以令牌签发令牌');
      return reply.status(201).send(await issueToken(db, officer.accountId, request.body));
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: '本人的接口令牌（不含令牌本身）',
        response: { 200: ApiTokenList, ...ErrorResponses },
      },
    },
    async (request): Promise<ApiTokenList> => ({
      items: await listOwnTokens(db, requireOfficer(request).accountId),
    }),
  );

  app.post(
    '/tokens/:id/revocation',
    {
      schema: {
        tags,
        summary: '吊销本人的接口令牌（立即失效）',
        params: RecordParams,
        response: { 200: ApiToken, ...ErrorResponses },
      },
    },
    async (request): Promise<ApiToken> =>
      revokeOwnToken(db, requireOfficer(request).accountId, request.params.id),
  );
}
