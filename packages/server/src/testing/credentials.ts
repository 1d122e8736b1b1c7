// Test support for the credentials' tests: an app with the institutions' real schemes, a stand-in
// for an officer's login for the setup calls (until the accounts land), and credentials obtained
// the documented way — the credentials API, called with credentials.manage.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IssuedCredential } from '@yibao/api';
import type { Role } from '@yibao/api/constants';
import { defaultAuthenticators } from '../access/authenticators.js';
import type { Identity } from '../access/identity.js';
import type { Authenticator } from '../access/install.js';
import { createTestApp, type TestApp } from './app.js';
import { INSTITUTIONS, PERSONS } from './fixtures.js';

/** `x-test-as: open` or `officer:<role>`: the setup calls' identity. */
export const testAuthenticator: Authenticator = {
  name: 'test',
  applies: (request) => typeof request.headers['x-test-as'] === 'string',
  authenticate: (request: FastifyRequest): Promise<Identity> => {
    const as = String(request.headers['x-test-as']);
    if (as === 'open') return Promise.resolve({ kind: 'open' });
    const role = as.replace(/^officer:/, '') as Role;
    return Promise.resolve({
      kind: 'officer',
      accountId: `a-${role}`,
      username: role,
      roles: [role],
      institutionId: null,
      via: 'bearer',
    });
  },
};

/**
 * The app with the real schemes first and the test scheme after them. The schemes need the app's
 * database, which exists once the app does: installAccess reads the list at each request.
 */
export async function appWithSchemes(driver: Parameters<typeof createTestApp>[0]): Promise<TestApp> {
  const schemes: Authenticator[] = [testAuthenticator];
  const t = await createTestApp(driver, { enforceAccess: true, authenticators: schemes });
  schemes.unshift(...defaultAuthenticators(t.db));
  return t;
}

export async function seedRegistry(app: FastifyInstance): Promise<void> {
  for (const payload of INSTITUTIONS)
    await app.inject({
      method: 'POST',
      url: '/api/v1/institutions',
      payload,
      headers: { 'x-test-as': 'open' },
    });
  for (const payload of PERSONS)
    await app.inject({ method: 'POST', url: '/api/v1/persons', payload, headers: { 'x-test-as': 'open' } });
}

export async function issue(
  app: FastifyInstance,
  institutionId: string,
  label?: string,
): Promise<IssuedCredential> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/institutions/${institutionId}/credentials`,
    payload: label === undefined ? {} : { label },
    headers: { 'x-test-as': 'officer:admin' },
  });
  if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode} ${res.body}`);
  return res.json<IssuedCredential>();
}
