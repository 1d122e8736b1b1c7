// 登录会话认证: the `yibao_session` cookie the console's sign-in set → the officer, via 'session'.
// A write (POST, PUT, PATCH, DELETE) must also carry the session's CSRF token in `x-csrf-token`
// (403 csrf): the cookie goes with any request the browser makes, the header only with the
// console's own. The account is read on every request, so a disabled one stops at once.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/types.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';
import { openSession, SESSION_COOKIE, type OpenSession } from './sessions.js';

/** The session each request authenticated with, for the session routes (sign-out, whoami). */
const sessions = new WeakMap<FastifyRequest, { id: string; open: OpenSession }>();

/** The request's session, when it was authenticated by its cookie. */
export function sessionOf(request: FastifyRequest): { id: string; open: OpenSession } | undefined {
  return sessions.get(request);
}

function cookieOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

export function officerSessionAuthenticator(db: Database): Authenticator {
  return {
    name: 'session',
    applies: (request) => cookieOf(request) !== undefined,
    async authenticate(request): Promise<Identity> {
      const id = cookieOf(request) ?? '';
      const header = request.headers['x-csrf-token'];
      const open = await openSession(db, id, {
        method: request.method,
        csrfToken: typeof header === 'string' ? header : undefined,
      });
      sessions.set(request, { id, open });
      const { account } = open;
      return {
        kind: 'officer',
        accountId: account.id,
        username: account.username,
        roles: account.roles,
        institutionId: account.institutionId,
        via: 'session',
      };
    },
  };
}
