// The one way the console talks to the service: JSON over fetch, errors turned into ApiRequestError
// carrying the service's own message (Chinese, naming the field) so pages can show it in words.
import type { ApiErrorBody } from '@yibao/api';

export class ApiRequestError extends Error {
  readonly status: number; // 0 when the service could not be reached
  readonly code: string;
  readonly field: string | null;
  /** The whole error body, for answers that say more than the error (an import's preview). */
  readonly body: unknown;
  constructor(status: number, code: string, message: string, field: string | null, body: unknown = null) {
    super(message);
    this.body = body;
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export type QueryValue = string | number | undefined | null;

// 登录会话 (issue 13): the cookie travels by itself (same origin); the CSRF token the sign-in
// answered with is sent on every write; a 401 on any call means the session has ended, and the
// session context (session/SessionContext.tsx) takes the officer back to the sign-in page.
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
let onSessionEnded: (() => void) | null = null;

/** Set on sign-in (and on reading the session), cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Who hears of a 401: the session context, once it is mounted. */
export function setSessionEndedHandler(handler: (() => void) | null): void {
  onSessionEnded = handler;
}

/** Options of one call: the session's own calls answer 401 as an answer, not as an ended session. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
  /** A 401 is the call's own answer (a wrong password, no session yet): do not leave the page. */
  expect401?: boolean;
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

async function request<T>(path: string, init: RequestInit, options: CallOptions = {}): Promise<T> {
  let response: Response;
  try {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    if (csrfToken !== null && WRITES.has((init.method ?? 'GET').toUpperCase()))
      headers.set('x-csrf-token', csrfToken);
    response = await fetch(`/api/v1${path}`, { ...init, headers, credentials: 'same-origin' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'unreachable', err instanceof Error ? err.message : String(err), null);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  if (!response.ok) {
    if (response.status === 401 && options.expect401 !== true) onSessionEnded?.();
    if (isErrorBody(body))
      throw new ApiRequestError(response.status, body.error.code, body.error.message, body.error.field, body);
    throw new ApiRequestError(response.status, 'http_error', text.slice(0, 200) || response.statusText, null);
  }
  return body as T;
}

export function apiGet<T>(
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(withQuery(path, query), { method: 'GET', signal: signal ?? null });
}

export function apiPost<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    signal: signal ?? null,
  });
}

export function apiPut<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(path, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    signal: signal ?? null,
  });
}

/** A file as the raw request body, with its own content type (the catalogue import). */
export function apiUpload<T>(
  path: string,
  file: Blob,
  query: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(withQuery(path, query), {
    method: 'POST',
    body: file,
    headers: { 'content-type': file.type === '' ? 'application/octet-stream' : file.type },
    signal: signal ?? null,
  });
}

/** A write with a JSON body (or none), for the calls that need the CallOptions. */
export function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  options: CallOptions = {},
): Promise<T> {
  return request<T>(
    path,
    {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      signal: options.signal ?? null,
    },
    options,
  );
}

/** A read with the CallOptions (the session's own GET answers 401 when nobody is signed in). */
export function apiRead<T>(path: string, options: CallOptions = {}): Promise<T> {
  return request<T>(path, { method: 'GET', signal: options.signal ?? null }, options);
}
