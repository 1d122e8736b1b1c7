import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installConsole } from './console-static.js';

describe('the console at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-console-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>医保</title>');
  writeFileSync(join(dir, 'app.js'), 'console.log(1)');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the build, and index.html for any other page path (single-page app)', async () => {
    const app = Fastify();
    await installConsole(app, dir);
    expect((await app.inject({ url: '/app.js' })).body).toBe('console.log(1)');
    const page = await app.inject({ url: '/settlements/abc' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>医保</title>');
    await app.close();
  });

  it('keeps the API and the docs out of the fallback: their unknown paths are JSON 404s', async () => {
    const app = Fastify();
    await installConsole(app, dir);
    for (const url of ['/api/v1/nothing', '/docs/nothing']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
    await app.close();
  });

  it('starts without a build: / leads to the API description', async () => {
    const app = Fastify();
    await installConsole(app, join(dir, 'missing'));
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/docs');
    await app.close();
  });
});
