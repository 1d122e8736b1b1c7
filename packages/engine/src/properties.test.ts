// Property-based tests (fast-check) over random VALID requests of the demo region:
// the four identities of REFERENCE_POLICY.md §7 to the fen, the items summing to the totals, "the fund
// never pays past a cap" (caps read from the policy book, never hard-coded), "more in-scope cost never
// lowers the fund payment", and the version boundary 2025-12-31 / 2026-01-01.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccumulatorName, CalcResult } from './contract.js';
import { classAItemArb, requestArb } from './testing/arbitraries.js';
import { benefitsOn, fen, REPO_ROOT, settleRaw } from './testing/demoPolicy.js';
import type { RawRequest } from './testing/demoPolicy.js';

const RUNS = 2000;
const AMOUNTS = [
  'totalCost',
  'fullSelfPay',
  'overLimitSelfPay',
  'firstSelfPay',
  'inScope',
  'deductible',
  'fundPay',
  'pooledSelfPay',
  'overCap',
  'institutionBorne',
  'personalPart',
  'accountPay',
  'cashPay',
] as const;
const LINE_AMOUNTS = [
  'fullSelfPay',
  'overLimitSelfPay',
  'firstSelfPay',
  'inScope',
  'institutionBorne',
] as const;

function f(r: CalcResult, k: (typeof AMOUNTS)[number]): number {
  return fen(r[k]);
}

describe('§7 identities, to the fen, for any valid request', () => {
  it('the four identities hold, every amount is non-negative with at most two decimals', () => {
    fc.assert(
      fc.property(requestArb, (q) => {
        const r = settleRaw(q);
        for (const k of AMOUNTS) {
          expect(r[k], k).toBeGreaterThanOrEqual(0);
          expect(Math.abs(r[k] * 100 - f(r, k)), `${k} has at most two decimals`).toBeLessThan(1e-6);
        }
        // total cost = full self-pay + over-limit self-pay + first self-pay + in scope + institution-borne
        expect(f(r, 'totalCost')).toBe(
          f(r, 'fullSelfPay') +
            f(r, 'overLimitSelfPay') +
            f(r, 'firstSelfPay') +
            f(r, 'inScope') +
            f(r, 'institutionBorne'),
        );
        // in scope = deductible + fund pay + pooled self-pay + over-cap
        expect(f(r, 'inScope')).toBe(
          f(r, 'deductible') + f(r, 'fundPay') + f(r, 'pooledSelfPay') + f(r, 'overCap'),
        );
        // total cost = fund pay + personal part + institution-borne
        expect(f(r, 'totalCost')).toBe(f(r, 'fundPay') + f(r, 'personalPart') + f(r, 'institutionBorne'));
        // personal part = account pay + cash pay
        expect(f(r, 'personalPart')).toBe(f(r, 'accountPay') + f(r, 'cashPay'));
        // personal part = full self-pay + over-limit + first self-pay + deductible + pooled self-pay + over-cap (§7)
        expect(f(r, 'personalPart')).toBe(
          f(r, 'fullSelfPay') +
            f(r, 'overLimitSelfPay') +
            f(r, 'firstSelfPay') +
            f(r, 'deductible') +
            f(r, 'pooledSelfPay') +
            f(r, 'overCap'),
        );
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(100);
        expect(Number.isInteger(r.rate)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("the items sum to the totals, and each line's total = its five parts", () => {
    fc.assert(
      fc.property(requestArb, (q) => {
        const r = settleRaw(q);
        expect(r.items).toHaveLength(q.items.length);
        expect(r.items.reduce((s, i) => s + fen(i.total), 0)).toBe(f(r, 'totalCost'));
        for (const k of LINE_AMOUNTS)
          expect(
            r.items.reduce((s, i) => s + fen(i[k]), 0),
            k,
          ).toBe(f(r, k));
        for (const i of r.items) expect(fen(i.total)).toBe(LINE_AMOUNTS.reduce((s, k) => s + fen(i[k]), 0));
      }),
      { numRuns: RUNS },
    );
  });

  it('the personal account pays at most the balance, and only for employees who ask', () => {
    fc.assert(
      fc.property(requestArb, (q) => {
        const r = settleRaw(q);
        const balance = fen(q.person.accountBalance ?? 0);
        if (q.person.scheme !== 'employee' || q.visit.useAccount !== true) expect(r.accountPay).toBe(0);
        else expect(f(r, 'accountPay')).toBe(Math.min(balance, f(r, 'personalPart')));
      }),
      { numRuns: RUNS },
    );
  });
});

const POOLS = ['outpatientFundPaid', 'chronicFundPaid', 'inpatientFundPaid'] as const;

/** The cap of each fund pool for this request, in fen, read from the policy book's segment (§3, §4, §8 "Raised cap"). */
function capsOf(q: RawRequest): Record<(typeof POOLS)[number], number> {
  const g = benefitsOn(q.date, q.person.scheme ?? '', q.person.category ?? '');
  const raised =
    (q.person.chronicDiseases ?? []).length > 0 &&
    q.person.familyDoctorContract === true &&
    g.generalOutpatient.capRaised !== null;
  return {
    outpatientFundPaid:
      raised && g.generalOutpatient.capRaised !== null
        ? g.generalOutpatient.capRaised
        : g.generalOutpatient.cap,
    chronicFundPaid: g.chronicOutpatient.cap,
    inpatientFundPaid: g.inpatient.cap,
  };
}

const ytdFen = (ytd: Partial<Record<AccumulatorName, number>>, k: AccumulatorName): number =>
  fen(ytd[k] ?? 0);

describe('the fund never pays past a cap (年度限额)', () => {
  it("each pool: ytd pool + fund pay ≤ the pool's cap (or the fund pays nothing once the cap is reached); the fund pay lands in exactly one pool", () => {
    fc.assert(
      fc.property(requestArb, (q) => {
        const r = settleRaw(q);
        const caps = capsOf(q);
        let moved = 0;
        for (const pool of POOLS) {
          const before = ytdFen(q.ytd, pool);
          const after = ytdFen(r.ytd, pool);
          const paid = after - before;
          expect(paid, pool).toBeGreaterThanOrEqual(0);
          if (paid > 0) expect(after, `${pool} after the visit`).toBeLessThanOrEqual(caps[pool]);
          moved += paid;
        }
        expect(moved).toBe(f(r, 'fundPay'));
        // over-cap is only ever what the cap cut: never more than the computed share of the pool base
        if (f(r, 'overCap') > 0) {
          const poolAfter = POOLS.map((p) => ytdFen(r.ytd, p));
          expect(POOLS.some((p, i) => (poolAfter[i] ?? 0) >= caps[p])).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('more in-scope cost never lowers the fund payment', () => {
  it('adding a Class A line: fund pay does not decrease', () => {
    fc.assert(
      fc.property(requestArb, classAItemArb, (q, extra) => {
        const before = settleRaw(q);
        const after = settleRaw({ ...q, items: [...q.items, extra] });
        expect(f(after, 'fundPay')).toBeGreaterThanOrEqual(f(before, 'fundPay'));
        expect(f(after, 'inScope')).toBeGreaterThanOrEqual(f(before, 'inScope'));
      }),
      { numRuns: RUNS },
    );
  });

  it("raising a Class A line's price: fund pay does not decrease", () => {
    fc.assert(
      fc.property(
        requestArb,
        classAItemArb,
        fc.integer({ min: 1, max: 1_000_000 }),
        (q0, aLine, raiseFen) => {
          const q = q0.items.some((i) => i.class === 'A') ? q0 : { ...q0, items: [...q0.items, aLine] };
          const at = q.items.findIndex((i) => i.class === 'A');
          const raised = q.items.map((i, k) =>
            k === at ? { ...i, unitPrice: (fen(i.unitPrice) + raiseFen) / 100 } : i,
          );
          const before = settleRaw(q);
          const after = settleRaw({ ...q, items: raised });
          expect(f(after, 'fundPay')).toBeGreaterThanOrEqual(f(before, 'fundPay'));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('version boundary: 2025-12-31 uses 2025, 2026-01-01 uses 2026', () => {
  it('for random requests: the version in force, identical results where no rule changed, never less from the fund in 2026', () => {
    fc.assert(
      fc.property(requestArb, (q) => {
        const a = settleRaw({ ...q, date: '2025-12-31' });
        const b = settleRaw({ ...q, date: '2026-01-01' });
        expect(a.policyVersion).toBe('2025');
        expect(b.policyVersion).toBe('2026');
        // Only the resident general-outpatient primary rates and the resident outpatient caps changed (§1, §8 "Versions").
        const touched =
          q.person.scheme === 'resident' &&
          (a.benefitGroup === 'general_outpatient' || b.benefitGroup === 'general_outpatient');
        if (!touched) {
          expect({ ...a, policyVersion: '' }).toEqual({ ...b, policyVersion: '' });
        } else {
          // line amounts and the deductible do not depend on the changed values; the fund only gains in 2026
          expect(a.items).toEqual(b.items);
          expect([a.benefitGroup, a.deductible, a.inScope]).toEqual([
            b.benefitGroup,
            b.deductible,
            b.inScope,
          ]);
          expect(f(b, 'fundPay')).toBeGreaterThanOrEqual(f(a, 'fundPay'));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// The R- ids of REQUIREMENTS.md, when the shared folder is beside the repository; else only their form is checked.
const REQUIREMENTS = join(REPO_ROOT, '..', 'shared', 'REQUIREMENTS.md');
const KNOWN_IDS: ReadonlySet<string> | null = existsSync(REQUIREMENTS)
  ? new Set(readFileSync(REQUIREMENTS, 'utf8').match(/R-[A-H]\d+/g) ?? [])
  : null;

describe('the trace (结算说明) of any valid request', () => {
  it('every event cites a requirement id, reads in Chinese, moves a finite amount in fen; "not applied" events say why', () => {
    fc.assert(
      fc.property(requestArb, (q) => {
        const r = settleRaw(q);
        expect(r.trace.length).toBeGreaterThan(0);
        for (const e of r.trace) {
          expect(e.rule).toMatch(/^R-[A-H]\d+$/);
          if (KNOWN_IDS) expect(KNOWN_IDS.has(e.rule), e.rule).toBe(true);
          expect(e.text).toMatch(/[\u4e00-\u9fff]/);
          expect(Number.isFinite(e.amount)).toBe(true);
          expect(Math.abs(e.amount * 100 - fen(e.amount))).toBeLessThan(1e-6);
          if (e.applied === false) {
            expect(e.amount).toBe(0);
            expect(e.text).toMatch(/^未适用：.+ — .+/);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
