// Shared pieces of the registry routes: who is making the change, and small schema parts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Change } from '../../../registry/history.js';

/** 经办人: the `x-yibao-actor` header names who made a change; the history keeps it. */
export function changeBy(request: FastifyRequest, reason: string): Change {
  const header = request.headers['x-yibao-actor'];
  const actor = typeof header === 'string' && header.trim() !== '' ? header.trim().slice(0, 100) : 'api';
  return { actor, reason };
}

export const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
export const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
export const text = { type: 'string', minLength: 1, maxLength: 500 } as const;
export const percent = { type: 'number', minimum: 0, maximum: 100 } as const;
export const idParams = { type: 'object', properties: { id }, required: ['id'] } as const;
export const asOfQuery = {
  type: 'object',
  properties: { date: { ...date, description: '按该日查看（缺省为今天）' } },
  additionalProperties: false,
} as const;
export const errors = {
  400: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
  422: { $ref: 'Error#' },
} as const;

export const today = (): string => new Date().toISOString().slice(0, 10);

/** 201 with the record a registration created. */
export async function created(reply: FastifyReply, work: Promise<unknown>): Promise<FastifyReply> {
  return reply.status(201).send(await work);
}
