// 审计日志 (issue 13, R-F4): every write to /api/v1, /nhsa and /fhir — refusals too — and every
// sensitive read is written to the audit log before its answer leaves: who (the authenticated
// identity, never a header), when, from where, what (the route, the record ids) and how it ended.
// What an entry never holds: a request body, a credential, a name or 身份证号 in clear — the
// summary is made of record ids, and of what a handler notes with `noteAudit` (a reveal's reason).
//
// An answer that cannot be audited is not given: the onSend hook waits for the entry, and a failed
// entry turns the answer into 503 `audit_unavailable`. A write that had already been stored then
// may have been stored without its entry; to keep that window small, after a failed batch a write
// first tries to store an `audit.resumed` entry and is refused up front (503, nothing done) when
// that fails too.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { actorOf, type Identity } from './identity.js';
import type { AuditRecord } from './audit-hash.js';
import type { AuditWriter } from './audit-writer.js';
import { isGuardedUrl, ROUTE_ACCESS } from './route-table.js';

/**
 * 敏感查询: the reads written to the log as writes are — a person's data (lists, the detail and its
 * full view, consents), a visit's diagnoses and lines, and the audit log itself.
 */
export const SENSITIVE_READS: ReadonlySet<string> = new Set([
  'GET /api/v1/persons',
  'GET /api/v1/persons/:id',
  'GET /api/v1/persons/:id/consents',
  'GET /api/v1/settlements/:settlementId/visit',
  'GET /api/v1/audit',
]);

/** Body fields that are record ids, kept in an entry's summary; every other field is left out. */
const BODY_IDS = [
  'id',
  'personId',
  'institutionId',
  'requestId',
  'settlementId',
  'agreementId',
  'applicationId',
  'code',
] as const;

const MAX_TEXT = 200;

declare module 'fastify' {
  interface FastifyRequest {
    /** What a handler adds to the request's audit entry (noteAudit). */
    auditNote: Record<string, string | number | boolean> | null;
  }
}

/** A handler's addition to its request's audit entry: short values, never personal data. */
export function noteAudit(request: FastifyRequest, note: Record<string, string | number | boolean>): void {
  request.auditNote = { ...(request.auditNote ?? {}), ...note };
}

/** No control characters (jsonb refuses NUL), bounded length. */
function clean(text: string): string {
  return Array.from(text.replace(/[\u0000-\u001f\u007f]/g, '?'))
    .slice(0, MAX_TEXT)
    .join('');
}

function stringsOf(from: unknown, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (from === null || typeof from !== 'object') return out;
  for (const key of keys) {
    const value = (from as Record<string, unknown>)[key];
    if (typeof value === 'string') out[key] = clean(value);
  }
  return out;
}

/** The error code of a refusal's body ({ error: { code } }), or null. */
function errorCode(payload: unknown): string | null {
  if (typeof payload !== 'string' || payload.length > 65_536) return null;
  try {
    const code = (JSON.parse(payload) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? clean(code) : null;
  } catch {
    return null;
  }
}

function isPublic(method: string, route: string): boolean {
  return ROUTE_ACCESS[`${method === 'HEAD' ? 'GET' : method} ${route}`]?.permission === 'public';
}

function isWrite(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The entry for a request about to be answered with `status`. */
export function auditRecordOf(request: FastifyRequest, status: number, payload: unknown): AuditRecord {
  const route = request.routeOptions.url;
  const params = (request.params ?? {}) as Record<string, unknown>;
  const paramNames = Object.keys(params);
  const ids = stringsOf(params, paramNames);
  // Null when the request was refused before anyone was authenticated.
  const identity = request.identity as unknown as Identity | null;
  const detail: Record<string, unknown> = {};
  if (isWrite(request.method)) {
    const bodyIds = stringsOf(request.body, BODY_IDS);
    if (Object.keys(bodyIds).length > 0) detail['body'] = bodyIds;
  }
  const queryKeys = Object.keys(request.query ?? {}).filter((k) => k !== 'reason');
  // The filters' names only: a search text may be part of a name.
  if (queryKeys.length > 0) detail['query'] = queryKeys.map(clean).sort();
  if (identity !== null && 'via' in identity) detail['via'] = identity.via;
  if (request.auditNote !== null) detail['note'] = request.auditNote;
  const target = Object.entries(ids)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return {
    at: new Date().toISOString(),
    // A public route (sign-in, the disclosures) runs as nobody: its caller is not `open`.
    actor:
      identity === null || (route !== undefined && isPublic(request.method, route))
        ? 'anonymous'
        : clean(actorOf(identity)),
    ip: request.ip === '' ? null : clean(request.ip),
    action: `${request.method} ${route ?? clean(request.url.split('?')[0] ?? '')}`,
    target: target === '' ? null : target,
    status,
    outcome: status < 400 ? 'ok' : (errorCode(payload) ?? `http_${status}`),
    detail,
  };
}

/**
 * The institutions' real-time settlement calls (thousands a second at peak): their entries are
 * appended without the answer waiting for them (decisions.md, "Settlement entries do not hold the
 * answer"). Every other write and sensitive read waits for its entry, as above.
 */
const STREAMED: ReadonlySet<string> = new Set([
  'POST /api/v1/settlements',
  'POST /api/v1/settlements/preview',
  'POST /api/v1/settlements/:settlementId/reversal',
]);

function audited(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  const path = route ?? request.url;
  if (!isGuardedUrl(path)) return false;
  if (isWrite(request.method)) return true;
  return route !== undefined && SENSITIVE_READS.has(`GET ${route}`);
}

const REFUSED = '审计日志暂不可写，操作未执行，请稍后重试';
/** The answer had been made but its entry was not stored: the caller retries (the writes are idempotent) or looks. */
const UNAVAILABLE = {
  error: {
    code: 'audit_unavailable',
    message: '审计日志写入失败，结果未能确认：请稍后用同一请求重试或查询结果',
    field: null,
  },
};

export function installAudit(app: FastifyInstance, writer: AuditWriter): void {
  for (const key of SENSITIVE_READS)
    if (ROUTE_ACCESS[key] === undefined)
      throw new Error(`access/audit.ts names ${key}, which the route table does not`);
  app.decorateRequest('auditNote', null);

  // After a failed batch, a write is done only once the log takes an entry again (writer.recover):
  // else it is refused before it is done.
  app.addHook('preHandler', async (request) => {
    if (!writer.healthy && audited(request) && !(await writer.recover()))
      throw new ApiError(503, 'audit_unavailable', REFUSED);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!audited(request)) return payload;
    if (
      request.routeOptions.url !== undefined &&
      STREAMED.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      // The settlement path's own record names its institution and is durable before the answer;
      // its entry follows in the next group commit (milliseconds) without holding the answer.
      writer.append(auditRecordOf(request, reply.statusCode, payload)).catch((err: unknown) => {
        request.log.error({ err }, 'audit entry not stored');
      });
      return payload;
    }
    try {
      await writer.append(auditRecordOf(request, reply.statusCode, payload));
      return payload;
    } catch (err) {
      request.log.error({ err }, 'audit entry not stored');
      void reply.code(503).header('content-type', 'application/json; charset=utf-8');
      return JSON.stringify(UNAVAILABLE);
    }
  });

  // A clean stop anchors the chain's tail; a database already gone must not stop the shutdown.
  app.addHook('onClose', async (instance) => {
    try {
      await writer.close();
    } catch (err) {
      instance.log.error({ err }, 'audit chain not anchored at close');
    }
  });
}
