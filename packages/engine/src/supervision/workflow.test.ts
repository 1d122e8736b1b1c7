// The workflow example of SUPERVISION_RULES.md §9 (raised by a run on 2026-07-01, deadline 07-11) and
// the transitions §6 forbids.
import { describe, expect, it } from 'vitest';
import { toFen } from '../money.js';
import { demoBook } from '../testing/demoPolicy.js';
import { appealWindowOn } from './compile.js';
import { appealAlert, deductionOf, openAlert, reviewAlert, sumDeductions } from './workflow.js';
import type { AlertRecord, Transition } from './workflow.js';

const library = demoBook().regions.get('demo')?.supervision;
const rule = (id: string): { deducts: boolean } => ({
  deducts: library?.rules.find((r) => r.id === id)?.deducts ?? false,
});
const window = library ? (appealWindowOn(library, '2026-07-01')?.appealWindowDays ?? -1) : -1;
const actor = { by: 'officer', at: '2026-07-01T10:00:00+08:00' };

const raise = (
  id: string,
  ruleId: string,
  institutionId: string,
  yuan: number,
  fund: 'inpatient' | 'outpatient',
): AlertRecord =>
  openAlert(
    { ruleId, institutionId, pool: 'resident', fund, amount: toFen(yuan) },
    id,
    '2026-07-01',
    window,
    actor,
  );

function ok(t: Transition): AlertRecord {
  if (!t.ok) throw new Error(`${t.code}: ${t.message}`);
  return t.alert;
}

describe('the workflow example', () => {
  const e09 = raise('a09', 'F-09', 'H2', 1600, 'inpatient');
  const e08 = raise('a08', 'F-08', 'C1', 39, 'outpatient');
  const e13 = raise('a13', 'F-13', 'H3', 100, 'outpatient');

  it('raised on 07-01, deadline 07-11', () => {
    expect(e09).toMatchObject({
      status: 'open',
      appealDeadline: '2026-07-11',
      history: [{ status: 'open', on: '2026-07-01' }],
    });
  });

  it('E09 appealed 07-05, upheld 07-20 → H2 2026-07, resident, inpatient, 1,600.00', () => {
    const appealed = ok(appealAlert(e09, '计划性分期手术', '2026-07-05', { ...actor, by: 'H2' }));
    const upheld = ok(reviewAlert(appealed, 'upheld', '无分期手术计划', '2026-07-20', actor));
    expect(upheld.history.map((h) => [h.status, h.on])).toEqual([
      ['open', '2026-07-01'],
      ['appealed', '2026-07-05'],
      ['upheld', '2026-07-20'],
    ]);
    expect(deductionOf(upheld, rule('F-09'))).toEqual({
      requestId: 'alert-a09',
      institutionId: 'H2',
      year: 2026,
      month: 7,
      pool: 'resident',
      fund: 'inpatient',
      amount: 160000,
      alertIds: ['a09'],
    });
  });

  it('E08 upheld 07-10 → 409 appeal_window_open; 07-12 → C1 2026-07 39.00', () => {
    expect(reviewAlert(e08, 'upheld', 'r', '2026-07-10', actor)).toMatchObject({
      ok: false,
      status: 409,
      code: 'appeal_window_open',
    });
    const upheld = ok(reviewAlert(e08, 'upheld', 'r', '2026-07-12', actor));
    expect(deductionOf(upheld, rule('F-08'))).toMatchObject({
      institutionId: 'C1',
      year: 2026,
      month: 7,
      amount: 3900,
    });
  });

  it('appealed on its 11th day → 422 appeal_late; on the 10th (the deadline) accepted', () => {
    expect(appealAlert(e08, 'r', '2026-07-12', actor)).toMatchObject({
      ok: false,
      status: 422,
      code: 'appeal_late',
    });
    expect(appealAlert(e08, 'r', '2026-07-11', actor).ok).toBe(true);
  });

  it('E13 overturned → no deduction; decided alerts are final', () => {
    const overturned = ok(reviewAlert(e13, 'overturned', '医联体检查结果互认，非重复', '2026-07-02', actor));
    expect(deductionOf(overturned, rule('F-13'))).toBeNull();
    expect(reviewAlert(overturned, 'upheld', 'r', '2026-07-20', actor)).toMatchObject({
      status: 409,
      code: 'invalid_state',
    });
    expect(appealAlert(overturned, 'r', '2026-07-03', actor)).toMatchObject({
      status: 409,
      code: 'invalid_state',
    });
  });

  it('dates before raisedOn or the last transition are 400 naming the field; the same date is allowed', () => {
    expect(appealAlert(e08, 'r', '2026-06-30', actor)).toMatchObject({ status: 400, field: 'appealedOn' });
    const appealed = ok(appealAlert(e08, 'r', '2026-07-05', actor));
    expect(reviewAlert(appealed, 'overturned', 'r', '2026-07-04', actor)).toMatchObject({
      status: 400,
      field: 'decidedOn',
    });
    expect(reviewAlert(appealed, 'overturned', 'r', '2026-07-05', actor).ok).toBe(true);
    expect(ok(appealAlert(e08, 'r', '2026-07-01', actor)).status).toBe('appealed');
  });

  it('family-doctor alerts deduct nothing, even upheld; deductions sum per institution, month, pool and fund', () => {
    const fd = ok(
      reviewAlert(raise('a14', 'F-14', 'C1', 0, 'outpatient'), 'upheld', 'r', '2026-07-12', actor),
    );
    expect(deductionOf(fd, rule('F-14'))).toBeNull();
    const one = deductionOf(ok(reviewAlert(e08, 'upheld', 'r', '2026-07-12', actor)), rule('F-08'));
    const two = deductionOf(
      ok(reviewAlert(raise('b08', 'F-08', 'C1', 11, 'outpatient'), 'upheld', 'r', '2026-07-31', actor)),
      rule('F-08'),
    );
    expect(sumDeductions([one, two].filter((d) => d !== null))).toEqual([
      expect.objectContaining({ institutionId: 'C1', month: 7, amount: 5000, alertIds: ['a08', 'b08'] }),
    ]);
  });
});
