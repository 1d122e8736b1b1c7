// The compliance check over HTTP and as `yibao policy check` (REFERENCE_POLICY.md §1: the demo's
// 2025 version breaches R-H2, and the check must say so).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing.js';
import { createTestApp, type TestApp } from '../../testing/app.js';

const [pglite] = testDrivers();

describe('policy compliance', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!pglite) throw new Error('no test driver');
    t = await createTestApp(pglite);
  });
  afterAll(async () => t.dispose());

  it("answers the demo region's breaches with the constraint's text and source", async () => {
    const res = await t.app.inject({ url: '/api/v1/policy/regions/demo/compliance' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.breaches.map((b: { rule: string; version: string }) => `${b.rule}@${b.version}`)).toEqual([
      'R-H2@2025',
      'R-H2@2025',
      'R-H2@2025',
    ]);
    expect(body.breaches[0].constraint).toMatchObject({ source: 'S2 三' });
    expect((await t.app.inject({ url: '/api/v1/policy/regions/atlantis/compliance' })).json()).toMatchObject({
      error: { code: 'not_found', field: 'code' },
    });
  });

  it('`yibao policy check` prints the breaches and exits 1', () => {
    const bin = fileURLToPath(new URL('../../../bin/yibao.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'policy', 'check', '--region', 'demo'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('R-H2');
    expect(r.stdout).toContain('普通门诊基层55%与二级50%相差5个百分点');
  });
});
