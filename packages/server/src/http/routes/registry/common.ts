// Shared pieces of the registry routes: who is making the change, and the schema parts they share.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Change } from '../../../registry/history.js';
import { actorOf } from '../../../access/identity.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The header's text as the caller wrote it. Node hands a header's bytes over as latin1, so UTF-8
 * Chinese arrives as mojibake: decoded as UTF-8 when the bytes are valid UTF-8 (else kept as
 * latin1). A percent-encoded value (`%E7%BB%8F…`, what a browser's fetch must send) is decoded too.
 */
export function headerText(value: string): string {
  let text = value;
  if (/[\u0080-\u00ff]/.test(text) && !/[^\u0000-\u00ff]/.test(text)) {
    try {
      text = utf8.decode(Buffer.from(text, 'latin1'));
    } catch {
      // not UTF-8: the latin1 reading stands
    }
  }
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // not percent-encoding after all: kept as sent
    }
  }
  return text;
}

/**
 * 经办人: the authenticated identity (actorOf: `officer:wang`, `institution:H001/k1`) — the
 * `x-yibao-actor` header is not believed (issue 13). Under `serve --open`, where nobody is
 * authenticated, the header's text is kept as a label after `open:` (`open:经办员王`), so the history
 * still says who claimed the change and plainly that nobody verified it.
 */
export function changeBy(request: FastifyRequest, reason: string): Change {
  const actor = actorOf(request.identity);
  if (request.identity.kind !== 'open') return { actor, reason };
  const header = request.headers['x-yibao-actor'];
  const text = typeof header === 'string' ? headerText(header).trim() : '';
  return { actor: text === '' ? actor : `${actor}:${Array.from(text).slice(0, 100).join('')}`, reason };
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
