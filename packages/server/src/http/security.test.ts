// Security headers, strict CORS and per-credential rate limits (issue 13 §5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { securityOptionsFromEnv } from './security.js';

describe.each(testDrivers())('security on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, {
      enforceAccess: true,
      security: { rateLimits: { anonymous: 3 } },
    });
  });
  afterAll(async () => t.dispose());

  it('sends the security headers browsers act on', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/designated-institutions' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('gives a page of another origin no CORS permission', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/designated-institutions',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with Retry-After in the contract shape once a caller exceeds its limit', async () => {
    const url = '/api/v1/public/assessments';
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await t.app.inject({ method: 'GET', url, remoteAddress: '10.9.9.9' });
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses[3]).toBe(429);
    expect(last?.headers['retry-after']).toMatch(/^\d+$/);
    expect(last?.json()).toMatchObject({ error: { code: 'rate_limited', field: null } });
    // Another caller's bucket is its own.
    expect((await t.app.inject({ method: 'GET', url, remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
  });
});

describe('security options from the environment', () => {
  it('reads origins and limits, ignoring what is not a positive integer', () => {
    expect(
      securityOptionsFromEnv({
        YIBAO_CORS_ORIGINS: 'https://a.example, https://b.example',
        YIBAO_RATE_LIMIT_OFFICER: '50',
        YIBAO_RATE_LIMIT_ANONYMOUS: '-1',
      }),
    ).toEqual({ corsOrigins: ['https://a.example', 'https://b.example'], rateLimits: { officer: 50 } });
  });
});
