// GET /supervision/rules: the demo region's library in force, as SUPERVISION_CONTRACT.md names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupervisionRules } from '@yibao/api';
import { testDrivers } from '../../../db/testing.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';

describe.each(testDrivers())('GET /supervision/rules on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t.dispose());

  it('lists F-01…F-17 with stage, result type, parameters and citations on a 2026 date', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/supervision/rules?date=2026-03-01' });
    expect(res.statusCode).toBe(200);
    const body = res.json<SupervisionRules>();
    expect(body.region).toBe('demo');
    expect(body.version).toBe('2026');
    expect(body.items.map((r) => r.id)).toEqual(
      Array.from({ length: 17 }, (_, i) => `F-${String(i + 1).padStart(2, '0')}`),
    );
    const f08 = body.items.find((r) => r.id === 'F-08');
    expect(f08).toMatchObject({ stage: '事后', resultType: '可疑', requirement: 'R-F1' });
    expect(f08?.parameters).toMatchObject({ parameters: { minDaysLeft: 7 } });
    const f01 = body.items.find((r) => r.id === 'F-01');
    expect(f01).toMatchObject({ stage: '事中', resultType: '明确违规' });
    expect(f01?.source.length).toBeGreaterThan(0);
  });

  it('has no rule in force before the 2026 library', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/supervision/rules?date=2025-12-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json<SupervisionRules>().items).toEqual([]);
  });

  it('refuses a bad date and an unknown region naming the field', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/supervision/rules?date=2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { field: 'date' } });
    const region = await t.app.inject({ method: 'GET', url: '/api/v1/supervision/rules?region=nowhere' });
    expect(region.statusCode).toBe(400);
    expect(region.json()).toMatchObject({ error: { code: 'unknown_region', field: 'region' } });
  });

  it('describes every supervision call in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/api/v1/supervision/rules',
      '/api/v1/supervision/runs',
      '/api/v1/supervision/runs/{runId}',
      '/api/v1/supervision/alerts',
      '/api/v1/supervision/alerts/{id}',
      '/api/v1/supervision/alerts/{id}/appeal',
      '/api/v1/supervision/alerts/{id}/review',
      '/api/v1/supervision/exemptions',
      '/api/v1/supervision/deductions',
      '/api/v1/supervision/indicators',
    ])
      expect(paths).toContain(path);
  });
});
