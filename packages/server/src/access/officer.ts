// The routes on one's own account (session, password, tokens) need an officer: a person with an
// account, not an institution's system signing with its key.
import type { FastifyRequest } from 'fastify';
import { Forbidden } from '../domain/errors.js';
import type { Identity } from './identity.js';

export type OfficerIdentity = Extract<Identity, { kind: 'officer' }>;

/** The officer calling, or 403 `officers_only` for any other identity. */
export function requireOfficer(request: FastifyRequest): OfficerIdentity {
  const identity = request.identity;
  if (identity.kind !== 'officer')
    throw new Forbidden('officers_only', '此接口只供经办人员账户使用（请先登录）');
  return identity;
}
