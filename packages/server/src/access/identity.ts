// 身份: who is calling, as Yibao's own records say — never a header's word (issue 13). Set on the
// request by access/install.ts before any handler runs; the history, the audit log and the
// institution checks read it from here.
import type { Role } from '@yibao/api/constants';
import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../domain/errors.js';
import {
  INSTITUTION_SYSTEM_PERMISSIONS,
  PERMISSIONS,
  permissionsOfRoles,
  type Permission,
} from './permissions.js';

export type Identity =
  /** 经办人员 signed in to the console (session cookie) or calling with a bearer token. */
  | {
      kind: 'officer';
      accountId: string;
      username: string;
      roles: readonly Role[];
      /** The institution a 机构用户 account is bound to; null for the agency's own officers. */
      institutionId: string | null;
      via: 'session' | 'bearer';
    }
  /** 定点医药机构的系统: an institution's HIS signing with one of its credentials. */
  | { kind: 'institution'; institutionId: string; keyId: string; via: 'hmac' | 'nhsa' | 'mtls' }
  /** `yibao serve --open` on loopback, and tests not about access: every permission, no institution. */
  | { kind: 'open' }
  /** A command-line action: its operator (the OS user, or --operator). */
  | { kind: 'cli'; operator: string }
  /** A caller without a credential, on a public route (the designated list, /healthz, the console's files). */
  | { kind: 'anonymous' };

const ALL: ReadonlySet<Permission> = new Set(PERMISSIONS);
const INSTITUTION_SYSTEM: ReadonlySet<Permission> = new Set(INSTITUTION_SYSTEM_PERMISSIONS);
const NONE: ReadonlySet<Permission> = new Set();

export function permissionsOf(identity: Identity): ReadonlySet<Permission> {
  switch (identity.kind) {
    case 'officer':
      return permissionsOfRoles(identity.roles);
    case 'institution':
      return INSTITUTION_SYSTEM;
    case 'open':
    case 'cli':
      return ALL;
    case 'anonymous':
      return NONE;
  }
}

/** The one institution whose records this caller may touch, or null when it is not bound to one. */
export function boundInstitution(identity: Identity): string | null {
  if (identity.kind === 'institution') return identity.institutionId;
  if (identity.kind === 'officer') return identity.institutionId;
  return null;
}

/** 经办人 as the history and the audit log write it: kind and name, never free text from a header. */
export function actorOf(identity: Identity): string {
  switch (identity.kind) {
    case 'officer':
      return `officer:${identity.username}`;
    case 'institution':
      return `institution:${identity.institutionId}/${identity.keyId}`;
    case 'open':
      return 'open';
    case 'cli':
      return `cli:${identity.operator}`;
    case 'anonymous':
      return 'anonymous';
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by access/install.ts for every route; `{ kind: 'anonymous' }` on public routes. */
    identity: Identity;
  }
}

/** The request's authenticated caller (access/install.ts has set it before the handler). */
export function identityOf(request: FastifyRequest): Identity {
  return request.identity;
}

/**
 * 本机构: refuses (403) a caller bound to one institution acting on another's record. Handlers call
 * it where the institution is known only from a stored record (a settlement's, a visit's).
 */
export function assertOwnInstitution(request: FastifyRequest, institutionId: string, field: string): void {
  const own = boundInstitution(request.identity);
  if (own !== null && own !== institutionId)
    throw new Forbidden(
      'other_institution',
      `只能办理本机构 (${own}) 的业务，不能办理 ${institutionId} 的`,
      field,
    );
}
