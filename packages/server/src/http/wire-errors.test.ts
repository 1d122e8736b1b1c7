// What a new user hit at the wire (issue 12 §4): impossible dates, Fastify's own errors, and the
// actor header. Every refusal has the contract's { error: { code, message, field } } body.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { primaryVisit, registerFixtures } from '../testing/fixtures.js';

const contractShape = {
  error: { code: expect.any(String) as unknown, message: expect.any(String) as unknown },
};

function expectContractShape(body: unknown): void {
  expect(body).toMatchObject(contractShape);
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).sort()).toEqual(['code', 'field', 'message']);
  expect(error['field'] === null || typeof error['field'] === 'string').toBe(true);
}

function withoutRequestId(body: { requestId?: string }): object {
  const copy = { ...body };
  delete copy.requestId;
  return copy;
}

describe.each(testDrivers())('the wire on $kind', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
    await registerFixtures(t.app);
  });
  afterAll(async () => t.dispose());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

  describe('an impossible date is a 400 naming the field', () => {
    const bodies: [string, string, object, string][] = [
      ['POST', '/settlements', primaryVisit('bad-date-1', 'R001', '2026-02-30'), 'date'],
      ['POST', '/settlements/preview', withoutRequestId(primaryVisit('x', 'R001', '2026-13-01')), 'date'],
      [
        'POST',
        '/agreements/AGR-NONE/state',
        { state: 'suspended', reason: '测试', effectiveOn: '2026-02-30' },
        'effectiveOn',
      ],
      ['POST', '/persons/R001/enrolments', { validFrom: '2026-13-01' }, 'validFrom'],
      ['POST', '/persons/R001/enrolments', { validFrom: '2026-01-01', validTo: '2026-02-29' }, 'validTo'],
      [
        'POST',
        '/referrals',
        {
          personId: 'R001',
          fromInstitutionId: 'C001',
          toInstitutionId: 'H001',
          issuedOn: '2026-04-31',
          validUntil: '2026-05-30',
        },
        'issuedOn',
      ],
    ];
    it.each(bodies)('%s %s', async (_method, url, body, field) => {
      const res = await post(url, body);
      expect(res.statusCode).toBe(400);
      expectContractShape(res.json());
      expect(res.json()).toMatchObject({ error: { code: 'invalid_date', field } });
    });

    const queries: [string, string][] = [
      ['/settlements?from=2026-02-30', 'from'],
      ['/settlements?date=2026-13-01', 'date'],
      ['/reconciliation?institutionId=C001&date=2026-02-30', 'date'],
      ['/dashboard?from=2026-02-30', 'from'],
      ['/agreements/AGR-NONE?date=2026-13-01', 'date'],
      ['/persons/R001/care?date=2026-02-30', 'date'],
    ];
    it.each(queries)('GET %s', async (url, field) => {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_date', field } });
    });

    it('a real leap day is a date', async () => {
      const res = await get('/settlements?from=2028-02-29');
      expect(res.statusCode).toBe(200);
    });
  });

  describe("Fastify's own errors have the contract's shape", () => {
    async function raw(request: Buffer): Promise<{ status: number; body: unknown }> {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const text = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
        const chunks: Buffer[] = [];
        socket.on('data', (d: Buffer) => chunks.push(d));
        socket.on('error', reject);
        socket.on('close', () => {
          resolve(Buffer.concat(chunks).toString('utf8'));
        });
      });
      const [head = '', body = ''] = text.split('\r\n\r\n');
      return { status: Number(head.split(' ')[1]), body: JSON.parse(body) as unknown };
    }

    it('a query with unencoded UTF-8', async () => {
      const res = await raw(
        Buffer.concat([
          Buffer.from('GET /api/v1/settlements?personId='),
          Buffer.from('张三', 'utf8'),
          Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
        ]),
      );
      expect(res.status).toBe(400);
      expectContractShape(res.body);
      expect(res.body).toMatchObject({ error: { code: 'bad_url' } });
    });

    it('a path that is not a valid URL component', async () => {
      const res = await get('/persons/%E0%A4%A');
      expect(res.statusCode).toBe(400);
      expectContractShape(res.json());
      expect(res.json()).toMatchObject({ error: { code: 'bad_url' } });
    });

    it('malformed JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        headers: { 'content-type': 'application/json' },
        payload: '{x',
      });
      expect(res.statusCode).toBe(400);
      expectContractShape(res.json());
      expect(res.json()).toMatchObject({ error: { code: 'malformed_json', field: null } });
    });

    it('an empty JSON body', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        headers: { 'content-type': 'application/json' },
        payload: '',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'malformed_json', field: null } });
    });

    it('a body too large', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
      });
      expect(res.statusCode).toBe(413);
      expectContractShape(res.json());
      expect(res.json()).toMatchObject({ error: { code: 'body_too_large', field: null } });
    });

    it.each(['text/plain', 'application/xml'])('an unsupported media type (%s)', async (type) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        headers: { 'content-type': type },
        payload: 'hello',
      });
      expect(res.statusCode).toBe(415);
      expectContractShape(res.json());
      expect(res.json()).toMatchObject({ error: { code: 'unsupported_media_type', field: null } });
    });

    it('a route not found', async () => {
      const res = await get('/no-such-thing');
      expect(res.statusCode).toBe(404);
      expectContractShape(res.json());
      expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
    });

    it('a body that is not an object names no empty field', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        headers: { 'content-type': 'application/json' },
        payload: '[1]',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid', field: null } });
    });
  });

  describe('under serve --open, the x-yibao-actor header is kept as a label after open:', () => {
    // Node hands a header's bytes over as latin1: UTF-8 Chinese arrives as mojibake unless decoded.
    const asNodeReceivesIt = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
    const cases: [string, string, string][] = [
      ['UTF-8 bytes', 'E-ACT-1', asNodeReceivesIt('经办员王')],
      ['percent-encoded UTF-8', 'E-ACT-2', encodeURIComponent('经办员李')],
      ['plain ASCII', 'E-ACT-3', 'officer-zhao'],
      ['latin1 that is not UTF-8', 'E-ACT-4', 'Jos\u00e9'],
    ];
    const expected: Record<string, string> = {
      'E-ACT-1': 'open:经办员王',
      'E-ACT-2': 'open:经办员李',
      'E-ACT-3': 'open:officer-zhao',
      'E-ACT-4': 'open:José',
    };
    it.each(cases)('%s', async (_what, personId, header) => {
      const person = await post('/persons', {
        id: personId,
        name: '测试',
        scheme: 'resident',
        category: 'adult',
        region: 'demo',
      });
      expect(person.statusCode).toBe(201);
      const res = await post(
        `/persons/${personId}/enrolments`,
        { validFrom: '2026-01-01' },
        { 'x-yibao-actor': header },
      );
      expect(res.statusCode).toBe(201);
      const history = (await get(`/history/person_care/${personId}`)).json<{ items: { actor: string }[] }>();
      expect(history.items.at(-1)?.actor).toBe(expected[personId]);
    });
  });
});
