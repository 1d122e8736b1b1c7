// Shared pieces of the registry routes: who is making the change, and the schema parts they share.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Change } from '../../../registry/history.js';

/** 经办人: the `x-yibao-actor` header names who made a change; the history keeps it. */
export function changeBy(request: FastifyRequest, reason: string): Change {
  const header = request.headers['x-yibao-actor'];
  const actor = typeof header === 'string' && header.trim() !== '' ? header.trim().slice(0, 100) : 'api';
  return { actor, reason };
}

// The schema pieces are the contract's (@yibao/api), under the short names these routes use.
export {
  AsOfQuery as asOfQuery,
  RecordParams as idParams,
  RegistryErrorResponses as errors,
} from '@yibao/api';

/** Today's business date (China Standard Time, or YIBAO_TODAY): domain/today.ts. */
export { today } from '../../../domain/today.js';

/** 201 with the record a registration created. */
export async function created(reply: FastifyReply, work: Promise<unknown>): Promise<FastifyReply> {
  return reply.status(201).send(await work);
}
