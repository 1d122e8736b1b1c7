// Test support for the access tests: an officer signed in the documented way (POST /api/v1/session),
// whose calls carry the session cookie and, on writes, the CSRF token — as the console's would.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { SessionAnswer } from '@yibao/api';
import { SESSION_COOKIE } from '../access/sessions.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface SignedInOfficer {
  /** `yibao_session=<id>`, as the browser would send it. */
  cookie: string;
  answer: SessionAnswer;
  /** A request as this officer: the cookie always, the CSRF token on writes. */
  call(method: Method, url: string, payload?: object): Promise<LightMyRequestResponse>;
}

/** The session cookie's value from an answer's Set-Cookie, or undefined. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie === undefined ? undefined : cookie.value;
}

export async function signInOfficer(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<SignedInOfficer> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  const value = sessionCookieOf(res);
  if (value === undefined) throw new Error(`sign-in of ${username} set no cookie`);
  const cookie = `${SESSION_COOKIE}=${value}`;
  const answer = res.json<SessionAnswer>();
  return {
    cookie,
    answer,
    call(method, url, payload) {
      const headers: Record<string, string> = { cookie };
      if (method !== 'GET' && answer.csrfToken !== null) headers['x-csrf-token'] = answer.csrfToken;
      const options: InjectOptions = { method, url, headers, ...(payload !== undefined ? { payload } : {}) };
      return app.inject(options);
    },
  };
}

/** A request with a bearer token. */
export function withToken(
  app: FastifyInstance,
  token: string,
  method: Method,
  url: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload !== undefined ? { payload } : {}),
  });
}
