// Every failure leaves as { error: { code, message, field } } — never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isPgError, QUERY_CANCELED } from '../db/types.js';
import { isDomainError, type DomainError } from '../domain/errors.js';
import { ApiError, isCalcInputError } from '../errors.js';

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** '/items/0/unitPrice' → 'items[0].unitPrice', the engine's way of naming a field. */
export function fieldOf(issue: ValidationIssue): string {
  const parts = issue.instancePath.split('/').filter((p) => p !== '');
  const missing = issue.params['missingProperty'] ?? issue.params['additionalProperty'];
  if (typeof missing === 'string') parts.push(missing);
  return parts.reduce(
    (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`),
    '',
  );
}

function validationMessage(issue: ValidationIssue, field: string): string {
  switch (issue.keyword) {
    case 'required':
      return `缺少必填字段 ${field}`;
    case 'additionalProperties':
      return `不认识的字段 ${field}`;
    case 'enum':
      return `${field} 取值不在允许范围内: ${JSON.stringify(issue.params['allowedValues'])}`;
    case 'type':
      return `${field} 类型错误，应为 ${String(issue.params['type'])}`;
    case 'pattern':
      return `${field} 格式错误`;
    default:
      return `${field} 无效: ${issue.message ?? issue.keyword}`;
  }
}

/**
 * The one mapping of domain errors to HTTP (docs/registry.md "Layers"): the domain says what kind
 * of refusal it is, only here does that become a status. Exhaustive: a fifth kind will not compile.
 */
export function statusOf(err: DomainError): 400 | 404 | 409 | 422 {
  const kind = err.kind;
  switch (kind) {
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rule_refused':
      return 422;
    case 'invalid':
      return 400;
    default: {
      const unknown: never = kind;
      throw new Error(`unmapped domain error ${String(unknown)}`);
    }
  }
}

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export function domainReply(err: DomainError): { status: 400 | 404 | 409 | 422; body: ErrorBody } {
  return {
    status: statusOf(err),
    body: { error: { code: err.code, message: err.message, field: err.field } },
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isDomainError(err)) {
      const { status, body } = domainReply(err);
      return reply.status(status).send(body);
    }
    if (err instanceof ApiError) return reply.status(err.status).send(err.toJSON());
    if (isCalcInputError(err)) {
      return reply.status(400).send({ error: { code: err.code, message: err.message, field: err.field } });
    }
    const issue = err.validation?.[0] as ValidationIssue | undefined;
    if (issue !== undefined) {
      const field = fieldOf(issue);
      return reply
        .status(400)
        .send({ error: { code: 'invalid', message: validationMessage(issue, field), field } });
    }
    if (isPgError(err) && err.code === QUERY_CANCELED) {
      // The settlement path's statement timeout: the statement was cancelled whole, nothing written.
      return reply.status(503).send({
        error: { code: 'timeout', message: '数据库未能及时完成，请稍后用同一请求流水号重试', field: null },
      });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Malformed JSON, wrong content type, body too large: the framework's 4xx, in our shape.
      const code =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
          ? 'malformed_json'
          : 'bad_request';
      return reply.status(status).send({ error: { code, message: `请求无效: ${err.message}`, field: null } });
    }
    request.log.error({ err }, 'unexpected error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: '内部错误，请稍后重试', field: null } });
  });
}
