// 接口令牌认证: `Authorization: Bearer ybt_…` → the officer whose token it is, via 'bearer'. No
// CSRF token: a browser never adds this header by itself. The account is read on every request,
// so a revoked token or a disabled account stops at once.
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/types.js';
import type { Identity } from './identity.js';
import type { Authenticator } from './install.js';
import { accountOfToken, TOKEN_PREFIX } from './tokens.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
  return token !== undefined && token.startsWith(TOKEN_PREFIX) ? token : undefined;
}

export function officerTokenAuthenticator(db: Database): Authenticator {
  return {
    name: 'bearer',
    applies: (request) => tokenOf(request) !== undefined,
    async authenticate(request): Promise<Identity> {
      const { account } = await accountOfToken(db, tokenOf(request) ?? '');
      return {
        kind: 'officer',
        accountId: account.id,
        username: account.username,
        roles: account.roles,
        institutionId: account.institutionId,
        via: 'bearer',
      };
    },
  };
}
