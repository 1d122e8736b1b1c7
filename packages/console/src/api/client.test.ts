// The console's one way to the service, as issue 13 needs it: the session cookie goes with every
// call, the CSRF token with every write (and only writes), and a 401 ends the session — except on
// the calls whose 401 is their answer (signing in with a wrong password, nobody signed in yet).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessApi } from './access-endpoints';
import { apiGet, apiPost, ApiRequestError, setCsrfToken, setSessionEndedHandler } from './client';
import { safeNext, signInUrl } from '../session/next';

const calls: Array<{ url: string; init: RequestInit }> = [];
let status = 200;
let body: unknown = {};

beforeEach(() => {
  calls.length = 0;
  status = 200;
  body = {};
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(JSON.stringify(body), { status }));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setSessionEndedHandler(null);
});

const header = (i: number, name: string): string | null => new Headers(calls[i]?.init.headers).get(name);

describe('the api client', () => {
  it('sends the cookie always, and the CSRF token on writes only', async () => {
    setCsrfToken('tok-1');
    await apiGet('/persons');
    await apiPost('/persons', { id: 'P1' });
    await accessApi.changeRoles('A1', { roles: ['auditor'], reason: '转岗' });
    expect(calls.map((c) => c.init.credentials)).toEqual(['same-origin', 'same-origin', 'same-origin']);
    expect(header(0, 'x-csrf-token')).toBeNull();
    expect(header(1, 'x-csrf-token')).toBe('tok-1');
    expect(calls[2]?.init.method).toBe('PUT');
    expect(header(2, 'x-csrf-token')).toBe('tok-1');
  });

  it('sends no token once signed out', async () => {
    setCsrfToken('tok-1');
    setCsrfToken(null);
    await apiPost('/persons', {});
    expect(header(0, 'x-csrf-token')).toBeNull();
  });

  it('ends the session on a 401, with the service’s error kept', async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    status = 401;
    body = { error: { code: 'session_expired', message: '登录已超时，请重新登录', field: null } };
    await expect(apiGet('/persons')).rejects.toMatchObject({ status: 401, code: 'session_expired' });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does not end it on the sign-in’s own 401 (a wrong password) nor on a 403', async () => {
    const ended = vi.fn();
    setSessionEndedHandler(ended);
    status = 401;
    body = { error: { code: 'invalid_credentials', message: '登录名或密码不正确', field: null } };
    const refused = await accessApi.signIn({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiRequestError);
    await accessApi.session().catch(() => undefined);
    status = 403;
    body = { error: { code: 'forbidden', message: '无权', field: null } };
    await apiGet('/accounts').catch(() => undefined);
    expect(ended).not.toHaveBeenCalled();
  });
});

describe('the page to return to after signing in', () => {
  it('follows only a path of the console', () => {
    expect(safeNext('/accounts?page=2')).toBe('/accounts?page=2');
    expect(safeNext('//evil.example/x')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('/sign-in?next=/x')).toBeNull();
    expect(safeNext(null)).toBeNull();
    expect(signInUrl('/persons?q=张')).toBe('/sign-in?next=%2Fpersons%3Fq%3D%E5%BC%A0');
    expect(signInUrl('/')).toBe('/sign-in');
  });
});
