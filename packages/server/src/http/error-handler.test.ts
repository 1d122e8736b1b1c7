// The one mapping of domain errors to HTTP: each kind to its status, the body as every other error's.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { Conflict, Invalid, NotFound, RuleRefused, type DomainError } from '../domain/errors.js';
import { domainReply, installErrorHandler, statusOf } from './error-handler.js';

const cases: [DomainError, number, { code: string; message: string; field: string | null }][] = [
  [
    new NotFound('参保人', 'X001', 'personId'),
    404,
    { code: 'not_found', message: '参保人不存在: X001', field: 'personId' },
  ],
  [
    new NotFound('登记记录', 'AGR-1', 'asOf', 'AGR-1 在 2020-01-01 时尚无记录'),
    404,
    { code: 'not_found', message: 'AGR-1 在 2020-01-01 时尚无记录', field: 'asOf' },
  ],
  [
    new Conflict('already_exists', '协议编号 AGR-1 已存在', 'id'),
    409,
    { code: 'already_exists', message: '协议编号 AGR-1 已存在', field: 'id' },
  ],
  [new Conflict('busy', '稍后重试'), 409, { code: 'busy', message: '稍后重试', field: null }],
  [
    new RuleRefused('R-B2', 'not_designated', 'R-B2: C9 不是定点机构', 'institutionIds[0]'),
    422,
    { code: 'not_designated', message: 'R-B2: C9 不是定点机构', field: 'institutionIds[0]' },
  ],
  [
    new Invalid('validTo', 'invalid_term', '参保期终止日期早于起始日期'),
    400,
    { code: 'invalid_term', message: '参保期终止日期早于起始日期', field: 'validTo' },
  ],
];

describe('domain errors to HTTP', () => {
  it.each(cases)('%s → %i', (err, status, error) => {
    expect(statusOf(err)).toBe(status);
    expect(domainReply(err)).toEqual({ status, body: { error } });
  });

  it('keeps what the rule was, beside what the caller reads', () => {
    const err = new RuleRefused('R-A6', 'no_active_agreement', 'R-A6: …', 'institutionId');
    expect(err).toMatchObject({ kind: 'rule_refused', requirementId: 'R-A6' });
    expect(new NotFound('协议', 'A1', 'id')).toMatchObject({ kind: 'not_found', entity: '协议', id: 'A1' });
  });

  it('replies through the error handler with the status and the usual body', async () => {
    const app = Fastify();
    installErrorHandler(app);
    cases.forEach(([err], i) => app.get(`/e${i}`, () => Promise.reject(err)));
    for (const [i, [, status, error]] of cases.entries()) {
      const reply = await app.inject({ method: 'GET', url: `/e${i}` });
      expect(reply.statusCode).toBe(status);
      expect(reply.json()).toEqual({ error });
    }
    await app.close();
  });
});
