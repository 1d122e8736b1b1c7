// Every failure leaves as { error: { code, message, field } } — never a stack trace.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPgError, QUERY_CANCELED } from '../db/types.js';
import { isDomainError, type DomainError } from '../domain/errors.js';
import { ApiError, isCalcInputError } from '../errors.js';
import { isNhsaUrl, NHSA_STATUS, nhsaFailure } from '../nhsa/envelope.js';

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
    case 'format':
      return issue.params['format'] === 'date'
        ? `${field} 日期无效，应为真实存在的 YYYY-MM-DD (impossible date)`
        : `${field} 格式错误`;
    default:
      return `${field} 无效: ${issue.message ?? issue.keyword}`;
  }
}

/**
 * The one mapping of domain errors to HTTP (docs/registry.md "Layers"): the domain says what kind
 * of refusal it is, only here does that become a status. Exhaustive: a new kind will not compile.
 */
export function statusOf(err: DomainError): 400 | 401 | 403 | 404 | 409 | 422 {
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
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    default: {
      const unknown: never = kind;
      throw new Error(`unmapped domain error ${String(unknown)}`);
    }
  }
}

/** The code of a validation failure: an impossible date says so, as `yibao calc` does. */
function validationCode(issue: ValidationIssue): string {
  return issue.keyword === 'format' && issue.params['format'] === 'date' ? 'invalid_date' : 'invalid';
}

/**
 * Fastify's own 4xx errors, in our shape: its error code to ours and a message in the agency's words
 * (the framework's English kept after it for the developer).
 */
const FRAMEWORK_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', message: '请求体为空，但声明为 JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: '不支持的请求体类型，请用 Content-Type: application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'Content-Length 与请求体不符' },
  FST_ERR_BAD_URL: {
    code: 'bad_url',
    message: 'URL 无效：路径或查询中的非 ASCII 字符须经百分号编码 (UTF-8)',
  },
};

/** A framework error (or a Node client error) as the contract's body, with its status. */
export function frameworkReply(err: { code?: string; message: string; statusCode?: number }): {
  status: number;
  body: ErrorBody;
} {
  const known = err.code === undefined ? undefined : FRAMEWORK_ERRORS[err.code];
  const status = err.statusCode ?? 400;
  if (known !== undefined) {
    return {
      status,
      body: { error: { code: known.code, message: `${known.message} (${err.message})`, field: null } },
    };
  }
  const code = err instanceof SyntaxError ? 'malformed_json' : 'bad_request';
  return { status, body: { error: { code, message: `请求无效: ${err.message}`, field: null } } };
}

export interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

export function domainReply(err: DomainError): {
  status: 400 | 401 | 403 | 404 | 409 | 422;
  body: ErrorBody;
} {
  return {
    status: statusOf(err),
    body: { error: { code: err.code, message: err.message, field: err.field } },
  };
}

/**
 * Errors that never reach the error handler, in the same shape: a URL Fastify cannot decode
 * (`frameworkErrors`, given to Fastify() in http/app.ts) and a request Node's parser refuses before
 * Fastify sees it (`clientErrorHandler`: unencoded UTF-8 in the URL, a broken header).
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = frameworkReply(error);
  void reply.status(status).send(body);
}

export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy(err);
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body: ErrorBody = {
    error:
      err.code === 'HPE_INVALID_CHARACTER' ||
      err.code === 'HPE_INVALID_URL' ||
      err.code === 'HPE_INVALID_HEADER_TOKEN'
        ? {
            code: 'bad_url',
            message: `请求行或请求头含有未编码的字符：URL 中的非 ASCII 字符（如中文）须经百分号编码 (UTF-8) (${err.code})`,
            field: null,
          }
        : {
            code: tooLarge ? 'headers_too_large' : 'bad_request',
            message: `请求无效 (${err.code ?? err.message})`,
            field: null,
          },
  };
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
      `Connection: close\r\n\r\n${json}`,
  );
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = errorReply(err, request);
    // A locked account (access/accounts.ts) says when to try again; the rate limiter sets its own.
    if (isDomainError(err) && err.kind === 'unauthenticated' && err.retryAfterSeconds !== null)
      void reply.header('retry-after', String(err.retryAfterSeconds));
    // The national interface answers every refusal in its own envelope (nhsa/envelope.ts).
    if (isNhsaUrl(request.url))
      return reply.status(NHSA_STATUS).send(nhsaFailure(body.error.code, body.error.message));
    return reply.status(status).send(body);
  });
}

/** Any error as the contract's status and body: the domain's, validation, the framework's, the rest. */
function errorReply(err: FastifyError, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (isDomainError(err)) return domainReply(err);
  if (err instanceof ApiError) return { status: err.status, body: err.toJSON() };
  if (isCalcInputError(err))
    return { status: 400, body: { error: { code: err.code, message: err.message, field: err.field } } };
  const issue = err.validation?.[0] as ValidationIssue | undefined;
  if (issue !== undefined) {
    const field = fieldOf(issue);
    // The body (or query) itself, not one of its fields: no field to name.
    const message = validationMessage(issue, field === '' ? '请求体' : field);
    return {
      status: 400,
      body: { error: { code: validationCode(issue), message, field: field === '' ? null : field } },
    };
  }
  if (isPgError(err) && err.code === QUERY_CANCELED) {
    // The settlement path's statement timeout: the statement was cancelled whole, nothing written.
    return {
      status: 503,
      body: {
        error: { code: 'timeout', message: '数据库未能及时完成，请稍后用同一请求流水号重试', field: null },
      },
    };
  }
  const status = err.statusCode ?? 500;
  // The rate limiter (http/security.ts), Retry-After already set.
  if (status === 429)
    return { status, body: { error: { code: 'rate_limited', message: err.message, field: null } } };
  if (status >= 400 && status < 500) {
    // Malformed JSON, wrong content type, body too large: the framework's 4xx, in our shape.
    return { status, body: frameworkReply(err).body };
  }
  request.log.error({ err }, 'unexpected error');
  return { status: 500, body: { error: { code: 'internal', message: '内部错误，请稍后重试', field: null } } };
}
