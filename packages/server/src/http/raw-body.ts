// 原始请求体: a signature covers the body's bytes as sent, so a JSON body is kept as those bytes
// beside its parsed value. The parse itself is Fastify's own (secure-json-parse with the
// prototype-poisoning protections, and its errors, which http/error-handler.ts turns into ours).
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as received, for JSON bodies (set by keepRawJsonBody). */
    rawBody?: Buffer;
  }
}

export function keepRawJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    request.rawBody = bytes;
    // secure-json-parse reads a Buffer as UTF-8, as the string parser would have.
    void parse(request, bytes as unknown as string, done);
  });
}

const EMPTY = Buffer.alloc(0);

/** The bytes a signature covers: the JSON body as sent, a raw upload as it is, else nothing. */
export function rawBodyOf(request: FastifyRequest): Buffer {
  if (request.rawBody !== undefined) return request.rawBody;
  return Buffer.isBuffer(request.body) ? request.body : EMPTY;
}
