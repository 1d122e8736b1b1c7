// Every worked example of PAYMENT_POLICY.md (§2–§8), with the document's numbers, and the boundaries it names.
import { describe, expect, it } from 'vitest';
import { bedDayUnits } from './bedDay.js';
import { groupStay } from './dip.js';
import type { DipSettings } from './dip.js';
import { reversalPaymentFacts, settlementPaymentFacts } from './facts.js';
import type { PaymentFacts } from './facts.js';
import { finishMonthlyRow, monthlyRun } from './monthly.js';
import { emptyRow, demoPayment, f, must, outpatient, stay, versionOn } from '../testing/payment.js';
import { settlementPointValue, share, splitOverCells, yearEndRun } from './yearEnd.js';
import type { Procedure } from './method.js';

const P = demoPayment();
const v2026 = versionOn('2026-03-01');
const v2025 = versionOn('2025-03-01');
const dip26 = v2026.caseSettings as DipSettings;

const facts = (o: Parameters<typeof stay>[0], open = '2026-03'): PaymentFacts =>
  settlementPaymentFacts(P, stay(o), open);
const code = (diagnosis: string | null, procedures: Procedure[]): string => {
  const g = groupStay(dip26, diagnosis, procedures);
  return g.kind === 'blank' ? 'KB00' : g.kind === 'core' ? g.group.code : g.code;
};

describe('the demo payment part', () => {
  it('compiles into two versions with every parameter cited', () => {
    expect(P.versions.map((v) => [v.from, v.until, v.version])).toEqual([
      ['2025-01-01', '2026-01-01', '2025'],
      ['2026-01-01', null, '2026'],
    ]);
    expect(v2025.holdbackDefaultPercent).toBe(10);
    expect(v2026.holdbackDefaultPercent).toBe(5);
    expect(v2026.budgetPointValue).toEqual({ employee: 170_000, resident: 140_000 });
    expect(v2026.citations.get('dip.coreGroups')?.requirement).toBe('R-E3');
    expect(dip26.core).toHaveLength(23);
  });
});

describe('Example 1 (2026): the monthly settlement', () => {
  it('resident/outpatient and employee/outpatient cells of a secondary hospital in March', () => {
    const run = monthlyRun(P, {
      year: 2026,
      month: 3,
      records: [
        settlementPaymentFacts(
          P,
          outpatient({
            institution: { id: 'S1', level: 'secondary', inRegion: true, centreId: null },
            fundPay: f(40000),
          }),
          '2026-03',
        ),
        // a February visit reversed on 3 March after February's run
        reversalPaymentFacts(
          settlementPaymentFacts(
            P,
            outpatient({
              date: '2026-02-20',
              institution: { id: 'S1', level: 'secondary', inRegion: true, centreId: null },
              fundPay: f(300),
            }),
            '2026-02',
          ),
          '2026-02-20',
          '2026-03',
        ),
        settlementPaymentFacts(
          P,
          outpatient({
            pool: 'employee',
            institution: { id: 'S1', level: 'secondary', inRegion: true, centreId: null },
            fundPay: f(10000),
            accountPay: f(2000),
          }),
          '2026-03',
        ),
      ],
      deductions: [{ institutionId: 'S1', pool: 'resident', fund: 'outpatient', amount: f(1200) }],
      contractDays: [],
      holdbackPercent: () => null,
    });
    const res = must(run.rows.find((r) => r.pool === 'resident'));
    expect([res.itemBased, res.deduction, res.holdback, res.payable]).toEqual([
      f(39700),
      f(1200),
      f(1925),
      f(36575),
    ]);
    const emp = must(run.rows.find((r) => r.pool === 'employee'));
    expect([emp.itemBased, emp.accountPay, emp.holdback, emp.payable]).toEqual([
      f(10000),
      f(2000),
      f(500),
      f(11500),
    ]);
    expect(run.totals.find((t) => t.pool === 'resident' && t.fund === 'outpatient')?.payable).toBe(f(36575));
  });

  it('a reversal after its month was run counts in the first open month, with its units negated', () => {
    const original = facts(
      { date: '2026-02-20', procedures: [{ code: '51.23', kind: 'surgery' }], totalCost: f(20000) },
      '2026-02',
    );
    expect(original.paymentMonth).toBe('2026-02');
    const r = reversalPaymentFacts(original, '2026-02-20', '2026-03');
    expect([r.paymentMonth, r.dipPoints, r.fundPay]).toEqual([
      '2026-03',
      -must(original.dipPoints),
      -original.fundPay,
    ]);
    expect(reversalPaymentFacts(original, '2026-02-20', '2026-02').paymentMonth).toBe('2026-02');
  });
});

describe('Example 2: grouping and points', () => {
  it('groups', () => {
    expect(
      code('K80.1', [
        { code: '45.23', kind: 'diagnostic' },
        { code: '51.2300', kind: 'surgery' },
      ]),
    ).toBe('CK02');
    expect(code('K80.1', [{ code: '45.23', kind: 'diagnostic' }])).toBe('BK01');
    expect(code('K80.1', [{ code: '54.91', kind: 'therapeutic' }])).toBe('ZH-K-T');
    expect(code('S72.0', [{ code: '79.35', kind: 'surgery' }])).toBe('CS01');
    expect(code('S72.0', [{ code: '81.51', kind: 'surgery' }])).toBe('CS02');
    expect(code(null, [])).toBe('KB00');
    expect(code('V43.5', [])).toBe('KB00');
    expect(code('k80', [])).toBe('KB00');
    expect(code('D50.0', [])).toBe('ZH-Z-B'); // D49–D99 are not ZH-C
  });

  it('points by level, basic groups and the TCM coefficient', () => {
    const ck02 = {
      diagnosis: 'K80.1',
      procedures: [{ code: '51.23', kind: 'surgery' as const }],
      totalCost: f(20000),
    };
    const t = facts(ck02);
    expect([t.method, t.dipGroup, t.referenceCost, t.dipPoints, t.dipRatio]).toEqual([
      'dip',
      'CK02',
      f(19800),
      99000,
      'normal',
    ]);
    expect(
      facts({ ...ck02, institution: { id: 'S1', level: 'secondary', inRegion: true, centreId: null } })
        .dipPoints,
    ).toBe(81000);
    for (const level of ['secondary', 'tertiary'] as const)
      expect(
        facts({
          diagnosis: 'J18.9',
          totalCost: f(7000),
          institution: { id: 'X', level, inRegion: true, centreId: null },
        }).dipPoints,
      ).toBe(35000);
    const tcm = {
      diagnosis: 'M51.2',
      department: 'tcm' as const,
      totalCost: f(8000),
      institution: { id: 'T', level: 'secondary' as const, inRegion: true, centreId: null },
    };
    expect(facts(tcm).dipPoints).toBe(43200);
    expect(facts({ ...tcm, date: '2025-06-01' }, '2025-06').dipPoints).toBe(36000);
  });

  it('acute stays at primary level, family beds, outpatients and other regions are paid item by item', () => {
    expect(facts({ institution: { id: 'P', level: 'primary', inRegion: true, centreId: null } }).method).toBe(
      'item',
    );
    expect(facts({ benefitGroup: 'family_bed', visitKind: 'family_bed' }).method).toBe('item');
    expect(
      facts({ institution: { id: 'O', level: 'tertiary', inRegion: false, centreId: null } }).method,
    ).toBe('item');
    const special = facts({ benefitGroup: 'special_outpatient', visitKind: 'special_outpatient' });
    expect([special.method, special.fund]).toEqual(['item', 'inpatient']); // ruling 4
  });
});

describe('Example 3: ratio classes at the boundaries', () => {
  const ck02 = (T: number) =>
    facts({ diagnosis: 'K80.1', procedures: [{ code: '51.23', kind: 'surgery' }], totalCost: f(T) });
  it.each([
    [9899.99, 'low', 49500],
    [9900.0, 'normal', 99000],
    [39600.0, 'normal', 99000],
    [39600.01, 'high', 99000],
    [45000.0, 'high', 126000],
  ])('T = %s → %s, %i hundredths', (T, ratio, points) => {
    const r = ck02(T);
    expect([r.dipRatio, r.dipPoints]).toEqual([ratio, points]);
  });
  it('T leaves out institution-borne charges (ruling 3)', () => {
    const r = facts({
      diagnosis: 'K80.1',
      procedures: [{ code: '51.23', kind: 'surgery' }],
      totalCost: f(50000),
      institutionBorne: f(5000),
    });
    expect(r.dipPoints).toBe(126000);
  });
  it('the blank group', () => {
    const r = facts({ diagnosis: null, totalCost: f(8000) });
    expect([r.dipGroup, r.dipPoints, r.referenceCost, r.dipRatio]).toEqual(['KB00', 28000, null, null]);
  });
});

describe('Example 4: DIP money, monthly and at year end', () => {
  it('March advance at the budget point value', () => {
    const row = finishMonthlyRow(
      v2026,
      { ...emptyRow({ institutionId: 'H', pool: 'employee', fund: 'inpatient' }), dipPoints: 99000 + 126000 },
      null,
    );
    expect([row.dip, row.holdback, row.payable]).toEqual([f(38250), f(1912.5), f(36337.5)]);
  });
  it('settlement point values', () => {
    const res = settlementPointValue(v2026, 'resident', 2026, 10_000 * 365, 24_000_000);
    expect([res.insuredPersonDays, res.dipBudget, res.settlementPointValue]).toEqual([
      3_650_000,
      f(3_000_000),
      125_000,
    ]);
    const emp = settlementPointValue(v2026, 'employee', 2026, 4_000 * 365, 12_000_000);
    expect([emp.dipBudget, emp.settlementPointValue]).toEqual([f(2_400_000), 187_000]);
    expect(settlementPointValue(v2026, 'employee', 2026, 100, 0).settlementPointValue).toBe(170_000);
  });
  it("the hospital's year DIP at 18.70: +3,825.00 over its advance", () => {
    const march = finishMonthlyRow(
      v2026,
      { ...emptyRow({ institutionId: 'H', pool: 'employee', fund: 'inpatient' }), dipPoints: 225000 },
      null,
    );
    const other = emptyRow({
      institutionId: 'Z',
      pool: 'employee',
      fund: 'inpatient',
      dipPoints: 12_000_000 - 225000,
    });
    const run = yearEndRun(P, {
      year: 2026,
      months: [march, other],
      insuredPersonDays: { employee: 4_000 * 365, resident: 0 },
      institutions: [
        { institutionId: 'H', kind: 'tertiary', budget: null, score: 90 },
        { institutionId: 'Z', kind: 'tertiary', budget: null, score: 90 },
      ],
    });
    const h = must(run.rows.find((r) => r.institutionId === 'H'));
    expect([h.dip, h.dip - h.dipAdvanced]).toEqual([f(42075), f(3825)]);
  });
});

describe('Example 5: per bed-day', () => {
  it.each([
    ['rehabilitation', 'secondary', 40, 0, 80, 40, 11856],
    ['hospice', 'tertiary', 30, 100, 70, 20, 4032],
    ['chronic_care', 'primary', 61, 0, 90, 61, 6242.4],
  ] as const)('%s %s %i days after %i at %i%%', (care, level, los, before, rate, days, yuan) => {
    const u = bedDayUnits(v2026, care, level, los, before, rate);
    expect([u.bedDays, u.amount]).toEqual([days, f(yuan)]);
  });
  it('phase boundaries and caps', () => {
    expect(bedDayUnits(v2026, 'rehabilitation', 'secondary', 30, 0, 100).amount).toBe(f(30 * 380));
    expect(bedDayUnits(v2026, 'rehabilitation', 'secondary', 1, 30, 100).amount).toBe(f(342));
    expect(bedDayUnits(v2026, 'rehabilitation', 'secondary', 1, 60, 100).amount).toBe(f(304));
    expect(bedDayUnits(v2026, 'rehabilitation', 'secondary', 10, 90, 100).bedDays).toBe(0);
    expect(bedDayUnits(v2026, 'rehabilitation', 'secondary', 10, 85, 100).bedDays).toBe(5);
  });
  it('a bed-day stay is paid by its amount, not its fund pay, at any level', () => {
    const r = facts({
      careType: 'rehabilitation',
      lengthOfStay: 40,
      rate: 80,
      institution: { id: 'S', level: 'secondary', inRegion: true, centreId: null },
    });
    expect([r.method, r.bedDays, r.bedDayAmount, r.dipGroup]).toEqual(['bed_day', 40, f(11856), null]);
  });
});

describe('Examples 6 and 7 (2026): capitation and contract fees', () => {
  const centre = { id: 'C1', level: 'primary' as const, inRegion: true, centreId: 'C1' };
  const elsewhere = (id: string, o: Parameters<typeof outpatient>[0] = {}) =>
    settlementPaymentFacts(
      P,
      outpatient({
        institution: { id, level: 'secondary', inRegion: true, centreId: id.startsWith('C') ? id : null },
        contractCentreId: 'C1',
        ...o,
      }),
      '2026-03',
    );
  const records = [
    settlementPaymentFacts(
      P,
      outpatient({ institution: centre, contractCentreId: 'C1', fundPay: f(800) }),
      '2026-03',
    ),
    settlementPaymentFacts(
      P,
      outpatient({
        institution: { id: 'ST1', level: 'primary', inRegion: true, centreId: 'C1' },
        contractCentreId: 'C1',
        fundPay: f(50),
      }),
      '2026-03',
    ),
    elsewhere('C2', { fundPay: f(36) }),
    elsewhere('TCMH', { fundPay: f(50), department: 'tcm' }),
    elsewhere('PH', { fundPay: f(54), visitKind: 'pharmacy' }),
    elsewhere('H9', { fundPay: f(70), visitKind: 'emergency' }),
    elsewhere('H8', { fundPay: f(90), referralCounted: true }),
  ];
  const run = monthlyRun(P, {
    year: 2026,
    month: 3,
    records,
    deductions: [],
    contractDays: [
      { centreId: 'C1', pool: 'resident', contractDays: 100 * 31 },
      { centreId: 'C1', pool: 'employee', contractDays: 20 * 31 },
    ],
    holdbackPercent: () => null,
  });
  const c1 = must(run.rows.find((r) => r.institutionId === 'C1' && r.pool === 'resident'));
  it('Example 6: head, covered, outflow, holdback', () => {
    expect([c1.capitationHead, c1.capitationCovered, c1.capitationOutflow, c1.holdback]).toEqual([
      f(1528.77),
      f(850),
      f(140),
      f(69.44),
    ]);
    expect(records.map((r) => r.method)).toEqual([
      'capitation',
      'capitation',
      'item',
      'item',
      'item',
      'item',
      'item',
    ]);
    expect(records.map((r) => r.outflowCentreId)).toEqual([null, null, 'C1', 'C1', 'C1', null, null]);
    expect(run.rows.find((r) => r.institutionId === 'PH')?.itemBased).toBe(f(54)); // the treating institution is paid
  });
  it('Example 7: contract fees and the centre payable', () => {
    expect([c1.contractFee, c1.contractFeeHeld, c1.payable]).toEqual([f(1019.18), f(305.75), f(2032.76)]);
    const emp = must(run.rows.find((r) => r.institutionId === 'C1' && r.pool === 'employee'));
    expect([emp.fund, emp.contractFee, emp.contractFeeHeld, emp.capitationHead]).toEqual([
      'outpatient',
      f(203.84),
      f(61.15),
      0,
    ]);
  });
  it('Example 6 year-end: surplus retained and overrun shared', () => {
    const gates = { surplusMinScore: 60, overrunMinScore: 75 };
    const H = f(18000.01);
    expect(share(v2026.sharing.capitation, H, f(14500), 80, gates).result - H).toBe(f(-850));
    expect(share(v2026.sharing.capitation, H, f(20000), 80, gates).result - H).toBe(f(900));
  });
  it('Example 6 year-end through the run', () => {
    const months = [
      emptyRow({
        institutionId: 'C1',
        pool: 'resident',
        fund: 'outpatient',
        capitationHead: H(),
        capitationCovered: f(12100),
        capitationOutflow: f(2400),
      }),
    ];
    const run = yearEndRun(P, {
      year: 2026,
      months,
      insuredPersonDays: { employee: 0, resident: 0 },
      institutions: [{ institutionId: 'C1', kind: 'primary', budget: null, score: 80 }],
    });
    const line = must(run.institutions[0]);
    expect([line.capitationBudget, line.capitationSpend, line.capitationAdjustment, line.budget]).toEqual([
      f(18000.01),
      f(14500),
      f(-850),
      null,
    ]);
    expect(must(run.rows[0]).capitationAdjustment).toBe(f(-850));
    function H(): number {
      return f(18000.01);
    }
  });
});

describe('Example 8: the global budget', () => {
  const gates = { surplusMinScore: 60, overrunMinScore: 75 };
  const A = f(1_000_000);
  it.each([
    [900_000, 80, 75_000],
    [840_000, 80, 0],
    [1_150_000, 80, -100_000],
    [1_150_000, 70, -150_000],
    [850_000, 80, 100_000], // S = m × A exactly: the surplus is kept (50,000 + 50% × 100,000)
    [900_000, 59, 0],
  ])('secondary, S %i, score %i: %i', (S, score, adj) => {
    expect(share(v2026.sharing.others, A, f(S), score, gates).result - f(S)).toBe(f(adj));
  });
  it('primary tilt', () => {
    expect(share(v2026.sharing.primary, f(300_000), f(280_000), 80, gates).result - f(280_000)).toBe(
      f(20_000),
    );
  });
  it('split over cells and the proposal, through the run', () => {
    const cells = [
      { pool: 'employee' as const, fund: 'outpatient' as const, S: f(200_000) },
      { pool: 'employee' as const, fund: 'inpatient' as const, S: f(300_000) },
      { pool: 'resident' as const, fund: 'outpatient' as const, S: f(100_000) },
      { pool: 'resident' as const, fund: 'inpatient' as const, S: f(300_000) },
    ];
    expect([...splitOverCells(f(75_000), cells).values()]).toEqual([
      f(16_666.67),
      f(25_000),
      f(8_333.33),
      f(25_000),
    ]);
    const months = cells.map((c) =>
      emptyRow({ institutionId: 'S', pool: c.pool, fund: c.fund, itemBased: c.S }),
    );
    const run = yearEndRun(P, {
      year: 2026,
      months,
      insuredPersonDays: { employee: 1, resident: 1 },
      institutions: [{ institutionId: 'S', kind: 'secondary', budget: f(1_000_000), score: 80 }],
    });
    expect(run.rows.map((r) => r.budgetAdjustment)).toEqual([
      f(16_666.67),
      f(25_000),
      f(8_333.33),
      f(25_000),
    ]);
    expect([
      must(run.institutions[0]).budgetAdjustment,
      must(run.institutions[0]).nextBudgetProposal,
    ]).toEqual([f(75_000), f(936_000)]);
  });
});

describe('Example 9 (2026): a secondary hospital cleared', () => {
  it('May and the year', () => {
    const may = finishMonthlyRow(
      v2026,
      {
        ...emptyRow({ institutionId: 'S', pool: 'resident', fund: 'inpatient' }),
        dipPoints: 1_000_000,
        bedDay: f(17328),
        itemBased: f(60000),
        deduction: f(5000),
      },
      null,
    );
    expect([may.dip, may.holdback, may.payable]).toEqual([f(140000), f(10616.4), f(201711.6)]);
    const run = yearEndRun(P, {
      year: 2026,
      months: [
        may,
        emptyRow({
          institutionId: 'Other',
          pool: 'resident',
          fund: 'inpatient',
          dipPoints: 24_000_000 - 1_000_000,
        }),
      ],
      insuredPersonDays: { employee: 0, resident: 10_000 * 365 },
      institutions: [
        { institutionId: 'S', kind: 'secondary', budget: f(220000), score: 70 },
        { institutionId: 'Other', kind: 'tertiary', budget: null, score: 100 },
      ],
    });
    expect(run.pools.find((p) => p.pool === 'resident')?.settlementPointValue).toBe(125_000);
    const row = must(run.rows.find((r) => r.institutionId === 'S'));
    const line = must(run.institutions.find((i) => i.institutionId === 'S'));
    expect([
      row.dip,
      row.dip - row.dipAdvanced,
      line.budgetBase,
      line.budgetAdjustment,
      line.depositReleasePercent,
      row.depositReleased,
      row.balance,
    ]).toEqual([f(125000), f(-15000), f(197328), f(16836), 50, f(5308.2), f(7144.2)]);
  });
});
