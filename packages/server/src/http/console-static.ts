// Serves the console's static build at / with an SPA fallback, when the build exists. The API
// and the docs keep their own 404s.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export function defaultConsoleDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console', 'dist');
}

const isApiPath = (url: string): boolean =>
  url.startsWith('/api/') || url === '/api' || url.startsWith('/docs');

export async function installConsole(app: FastifyInstance, dir: string | null): Promise<void> {
  const hasConsole = dir !== null && existsSync(resolve(dir, 'index.html'));
  if (hasConsole) await app.register(fastifyStatic, { root: resolve(dir), wildcard: false });
  // Without a console build, the front door leads to the API's description.
  else app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect('/docs'));
  app.setNotFoundHandler((request, reply) => {
    if (hasConsole && request.method === 'GET' && !isApiPath(request.url))
      return reply.sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `没有这个接口: ${request.method} ${request.url.split('?')[0] ?? ''}`,
        field: null,
      },
    });
  });
}
