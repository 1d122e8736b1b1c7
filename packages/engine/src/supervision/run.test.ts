// 事后 worked examples E08–E17 of SUPERVISION_RULES.md §9 with their near-misses, the rulings of §10,
// and the run's range semantics (§5). The settlements' fundPay are the document's; every scenario
// asserts the exact list of alerts all batch rules raise over it.
import { describe, expect, it } from 'vitest';
import type { InstitutionType, ItemKind, VisitKind } from '../contract.js';
import { toFen } from '../money.js';
import { demoBook } from '../testing/demoPolicy.js';
import { addDays } from './facts.js';
import { appealWindowOn } from './compile.js';
import { batchContext, raiseAlerts } from './run.js';
import type { AlertDraft, ContractFact, Exemption, SettlementFact } from './types.js';

const library = (() => {
  const lib = demoBook().regions.get('demo')?.supervision;
  if (!lib) throw new Error('no demo supervision library');
  return lib;
})();

const TYPES: Record<string, InstitutionType> = {
  C1: 'community_centre',
  S1: 'community_station',
  C2: 'community_centre',
  H2: 'general_hospital',
  H3: 'general_hospital',
  D1: 'pharmacy',
  I1: 'internet_hospital',
};

interface LineIn {
  code: string;
  inScope: number; // yuan
  kind?: ItemKind;
  days?: number;
  refusedBy?: string;
}

interface SettlementIn {
  id: string;
  person: string;
  at: string;
  date: string;
  kind?: VisitKind;
  admission?: string;
  diagnosis?: string;
  fund?: number; // yuan
  total?: number; // yuan; default the lines' inScope
  proxy?: boolean;
  referral?: boolean;
  reversed?: boolean;
  lines?: LineIn[];
}

const 诊查费 = (): LineIn => ({ code: '110200001', inScope: 10 });

/** Settlements in the order given = the order the service stored them. */
function facts(list: SettlementIn[]): SettlementFact[] {
  return list.map((s, order) => {
    const lines = s.lines ?? [诊查费()];
    const kind = s.kind ?? 'outpatient';
    return {
      id: s.id,
      order,
      personId: s.person,
      institutionId: s.at,
      institutionType: TYPES[s.at] ?? 'clinic',
      date: s.date,
      visitKind: kind,
      benefitKind: kind,
      admissionDate: s.admission ?? null,
      diagnosis: s.diagnosis ?? null,
      proxy: s.proxy ?? false,
      referralCounted: s.referral ?? false,
      pool: 'resident',
      fundPay: toFen(s.fund ?? 0),
      totalCost: toFen(s.total ?? lines.reduce((a, l) => a + l.inScope, 0)),
      reversed: s.reversed ?? false,
      lines: lines.map((l) => ({
        code: l.code,
        kind: l.kind ?? 'service',
        inScope: toFen(l.inScope),
        days: l.days ?? null,
        refusedBy: l.refusedBy ?? null,
      })),
    };
  });
}

const contract = (personId: string, id = `K-${personId}`): ContractFact => ({
  id,
  personId,
  centreId: 'C1',
  doctor: '王医生',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  endedOn: null,
  ownInstitutionIds: ['C1', 'S1'],
});
const CONTRACTS = [contract('c'), contract('d')];

function run(
  list: SettlementIn[],
  range: { from?: string; to?: string; exemptions?: Exemption[] } = {},
  contracts: ContractFact[] = CONTRACTS,
): AlertDraft[] {
  return raiseAlerts(library, batchContext(facts(list), contracts), {
    from: range.from ?? '2026-01-01',
    to: range.to ?? '2026-12-31',
    ...(range.exemptions ? { exemptions: range.exemptions } : {}),
  });
}

const brief = (alerts: AlertDraft[]): [string, string, number | null, number][] =>
  alerts.map((a) => [a.ruleId, a.settlementId, a.line, a.amount / 100]);

// ---- E08 F-08 重复开药 ----------------------------------------------------------------------------
const chronicRefill = (person: string, id: string, date: string): SettlementIn => ({
  id,
  person,
  at: 'C1',
  date,
  kind: 'chronic_outpatient',
  diagnosis: 'I10',
  fund: 45.5,
  lines: [诊查费(), { code: 'XC08CAA001A', inScope: 60, kind: 'drug', days: 30 }],
});

describe('E08 F-08 repeated dispensing', () => {
  it('c: on 03-20 line 1, 11 days left: 39.00 (45.50 × 60/70)', () => {
    const alerts = run([chronicRefill('c', 'e08a', '2026-03-01'), chronicRefill('c', 'e08b', '2026-03-20')]);
    expect(brief(alerts)).toEqual([['F-08', 'e08b', 1, 39]]);
    expect(alerts[0]).toMatchObject({
      institutionId: 'C1',
      fund: 'outpatient',
      pool: 'resident',
      evidence: ['e08a', 'e08b'],
    });
    expect(alerts[0]?.text).toMatch(/11天/);
    expect(alerts[0]?.identity).toBe('F-08|e08b|1');
  });
  it('near-miss: d, refill 03-24 (7 left): nothing', () => {
    expect(run([chronicRefill('d', 'e08c', '2026-03-01'), chronicRefill('d', 'e08d', '2026-03-24')])).toEqual(
      [],
    );
  });
  it('two lines of one code in one settlement are not compared; a stay is ignored; a refused line is invisible', () => {
    const drug = { code: 'XC08CAA001A', inScope: 60, kind: 'drug' as const, days: 30 };
    expect(
      run([{ id: 'x', person: 'm', at: 'C1', date: '2026-03-01', fund: 60, lines: [drug, drug] }]),
    ).toEqual([]);
    expect(
      run([
        {
          id: 'st',
          person: 'm',
          at: 'H2',
          date: '2026-03-01',
          admission: '2026-02-25',
          kind: 'inpatient',
          fund: 100,
          lines: [drug],
        },
        { id: 'v', person: 'm', at: 'C1', date: '2026-03-02', fund: 36, lines: [drug] },
      ]),
    ).toEqual([]);
    expect(
      run([
        { id: 'a', person: 'm', at: 'C1', date: '2026-03-01', lines: [{ ...drug, refusedBy: 'F-06' }] },
        { id: 'b', person: 'm', at: 'C1', date: '2026-03-02', fund: 36, lines: [drug] },
      ]),
    ).toEqual([]);
  });
});

// ---- E09 F-09 分解住院 ----------------------------------------------------------------------------
const stay = (
  person: string,
  id: string,
  at: string,
  admission: string,
  discharge: string,
  fund: number,
  diagnosis?: string,
  lines?: LineIn[],
): SettlementIn => ({
  id,
  person,
  at,
  date: discharge,
  admission,
  kind: 'inpatient',
  fund,
  ...(diagnosis ? { diagnosis } : {}),
  lines: lines ?? [{ code: 'SURGERY', inScope: 2600 }],
});

describe('E09 F-09 split stays', () => {
  it('m: stays 04-01–04-10 J18.9 and 04-25–04-30 J18.0 at H2: on the second, 1,600.00', () => {
    const alerts = run([
      stay('m', 'e09a', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9'),
      stay('m', 'e09b', 'H2', '2026-04-25', '2026-04-30', 1600, 'J18.0'),
    ]);
    expect(brief(alerts)).toEqual([['F-09', 'e09b', null, 1600]]);
    expect(alerts[0]).toMatchObject({ fund: 'inpatient', institutionId: 'H2', evidence: ['e09a', 'e09b'] });
  });
  it('near-miss: n readmitted 04-26 (16 days): nothing', () => {
    expect(
      run([
        stay('n', 'a', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9'),
        stay('n', 'b', 'H2', '2026-04-26', '2026-04-30', 1600, 'J18.0'),
      ]),
    ).toEqual([]);
  });
  it('Z51.1 → Z51.1 cycles, or a readmission billing 静脉化疗: exempt (计划性)', () => {
    expect(
      run([
        stay('n', 'a', 'H2', '2026-04-01', '2026-04-05', 1000, 'Z51.1'),
        stay('n', 'b', 'H2', '2026-04-19', '2026-04-22', 1000, 'Z51.1'),
      ]),
    ).toEqual([]);
    expect(
      run([
        stay('n', 'a', 'H2', '2026-04-01', '2026-04-05', 1000, 'C50.9'),
        stay('n', 'b', 'H2', '2026-04-19', '2026-04-22', 1000, 'C50.9', [
          { code: '311400002', inScope: 900 },
        ]),
      ]),
    ).toEqual([]);
  });
  it('at another institution, another category, or no diagnosis: nothing', () => {
    expect(
      run([
        stay('n', 'a', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9'),
        stay('n', 'b', 'H3', '2026-04-12', '2026-04-20', 1600, 'J18.0'),
        stay('n', 'c', 'H2', '2026-04-21', '2026-04-25', 1600, 'K80.2'),
        stay('n', 'd', 'H2', '2026-04-26', '2026-04-28', 1600),
      ]),
    ).toEqual([]);
  });
});

// ---- E10 F-10 同时住院 ----------------------------------------------------------------------------
describe('E10 F-10 simultaneous stays', () => {
  it('f: H2 05-01–05-10, H3 05-08–05-12: on the H3 stay, 1,400.00', () => {
    const alerts = run([
      stay('f', 'e10a', 'H2', '2026-05-01', '2026-05-10', 1600),
      stay('f', 'e10b', 'H3', '2026-05-08', '2026-05-12', 1400),
    ]);
    expect(brief(alerts)).toEqual([['F-10', 'e10b', null, 1400]]);
    expect(alerts[0]?.evidence).toEqual(['e10a', 'e10b']);
  });
  it('near-miss: g, H3 admitted 05-10, the day of discharge (a transfer): nothing', () => {
    expect(
      run([
        stay('g', 'a', 'H2', '2026-05-01', '2026-05-10', 1600),
        stay('g', 'b', 'H3', '2026-05-10', '2026-05-12', 1400),
      ]),
    ).toEqual([]);
  });
  it('a family bed is a stay like any other', () => {
    const alerts = run([
      stay('g', 'a', 'H2', '2026-05-01', '2026-05-10', 1600),
      { ...stay('g', 'b', 'C1', '2026-05-05', '2026-05-20', 300), kind: 'family_bed' },
    ]);
    expect(brief(alerts)).toEqual([['F-10', 'b', null, 300]]);
  });
});

// ---- E11 F-11 住院期间门诊或购药 -------------------------------------------------------------------
describe('E11 F-11 outpatient during a stay', () => {
  const theStay = stay('m', 'e11s', 'H2', '2026-06-01', '2026-06-10', 2000);
  it('m: C1 06-05 during H2 06-01–06-10: on the 06-05 visit, 18.00', () => {
    const alerts = run([
      {
        id: 'e11v',
        person: 'm',
        at: 'C1',
        date: '2026-06-05',
        fund: 18,
        lines: [诊查费(), { code: 'XA10BAA001A', inScope: 20, kind: 'drug' }],
      },
      theStay,
    ]);
    expect(brief(alerts)).toEqual([['F-11', 'e11v', null, 18]]);
    expect(alerts[0]?.evidence).toEqual(['e11v', 'e11s']);
  });
  it('near-miss: C1 06-10 (discharge day), or on the admission day: nothing', () => {
    expect(run([theStay, { id: 'v', person: 'm', at: 'C1', date: '2026-06-10', fund: 6 }])).toEqual([]);
    expect(run([{ id: 'v', person: 'm', at: 'C1', date: '2026-06-01', fund: 6 }, theStay])).toEqual([]);
  });
});

// ---- E12 F-12 频繁就诊 ----------------------------------------------------------------------------
describe('E12 F-12 frequent visits', () => {
  it('f 07-01 at C1, C2, S1: on the S1 visit, 6.00', () => {
    const alerts = run([
      { id: 'a', person: 'f', at: 'C1', date: '2026-07-01', fund: 6 },
      { id: 'b', person: 'f', at: 'C2', date: '2026-07-01', fund: 6 },
      { id: 'e12', person: 'f', at: 'S1', date: '2026-07-01', fund: 6 },
    ]);
    expect(brief(alerts)).toEqual([['F-12', 'e12', null, 6]]);
    expect(alerts[0]?.evidence).toEqual(['a', 'b', 'e12']);
  });
  it('near-miss: g, two visits 07-01, one 07-02: nothing; a pharmacy purchase is not counted', () => {
    expect(
      run([
        { id: 'a', person: 'g', at: 'C1', date: '2026-07-01', fund: 6 },
        { id: 'b', person: 'g', at: 'C2', date: '2026-07-01', fund: 6 },
        { id: 'p', person: 'g', at: 'D1', date: '2026-07-01', kind: 'pharmacy', fund: 6 },
        { id: 'c', person: 'g', at: 'S1', date: '2026-07-02', fund: 6 },
      ]),
    ).toEqual([]);
  });
  it('the 4th is alerted too', () => {
    const day = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      person: 'g',
      at: 'C1',
      date: '2026-07-01',
      fund: 6,
    }));
    expect(brief(run(day)).map((a) => a[1])).toEqual(['c', 'd']);
  });
});

// ---- E13 F-13 重复检查 ----------------------------------------------------------------------------
describe('E13 F-13 repeated exams', () => {
  const ct = (id: string, at: 'H2' | 'H3', date: string, price: number, fund: number): SettlementIn => ({
    id,
    person: 'm',
    at,
    date,
    fund,
    referral: true,
    lines: [{ code: '210103001', inScope: price }],
  });
  it('m: H2 08-01 CT (fund 0), H3 08-15 CT 250.00: on 08-15 line 0, 100.00; H3 08-30 (15 days): nothing', () => {
    const alerts = run([
      ct('a', 'H2', '2026-08-01', 200, 0),
      ct('e13', 'H3', '2026-08-15', 250, 100),
      ct('c', 'H3', '2026-08-30', 250, 100),
    ]);
    expect(brief(alerts)).toEqual([['F-13', 'e13', 0, 100]]);
  });
  it('ultrasound has 7 days; a stay is ignored', () => {
    const us = (id: string, date: string): SettlementIn => ({
      id,
      person: 'm',
      at: 'H2',
      date,
      fund: 50,
      lines: [{ code: '220100001', inScope: 100 }],
    });
    expect(brief(run([us('a', '2026-08-01'), us('b', '2026-08-08'), us('c', '2026-08-16')]))).toEqual([
      ['F-13', 'b', 0, 50],
    ]);
    expect(
      run([
        stay('m', 's', 'H2', '2026-08-01', '2026-08-03', 100, undefined, [
          { code: '220100001', inScope: 100 },
        ]),
        us('b', '2026-08-04'),
      ]),
    ).toEqual([]);
  });
});

// ---- E14–E17 家医 -----------------------------------------------------------------------------------
describe('E14 F-14 outflow without referral', () => {
  it('c: C2 09-03, S1 09-10, C2 09-20: on 09-20 → C1, 王医生, 0', () => {
    const alerts = run([
      { id: 'a', person: 'c', at: 'C2', date: '2026-09-03' },
      { id: 'b', person: 'c', at: 'S1', date: '2026-09-10' },
      { id: 'e14', person: 'c', at: 'C2', date: '2026-09-20' },
    ]);
    expect(brief(alerts)).toEqual([['F-14', 'e14', null, 0]]);
    expect(alerts[0]).toMatchObject({
      institutionId: 'C1',
      contractId: 'K-c',
      doctor: '王医生',
      month: '2026-09',
      identity: 'F-14|c|2026-09',
      evidence: ['a', 'e14'],
    });
  });
  it('near-miss: d, C2 09-25 and 10-02 (one a month): nothing; a counted referral or no contract in force: nothing', () => {
    expect(
      run([
        { id: 'a', person: 'd', at: 'C2', date: '2026-09-25' },
        { id: 'b', person: 'd', at: 'C2', date: '2026-10-02' },
      ]),
    ).toEqual([]);
    expect(
      run([
        { id: 'a', person: 'd', at: 'C2', date: '2026-09-03', referral: true },
        { id: 'b', person: 'd', at: 'C2', date: '2026-09-20' },
      ]),
    ).toEqual([]);
    const ended = { ...contract('d'), endedOn: '2026-09-10' };
    expect(
      run(
        [
          { id: 'a', person: 'd', at: 'C2', date: '2026-09-03' },
          { id: 'b', person: 'd', at: 'C2', date: '2026-09-20' },
        ],
        {},
        [ended],
      ),
    ).toEqual([]);
  });
  it('one alert per person and month', () => {
    const alerts = run(
      ['03', '10', '20'].map((d, i) => ({
        id: `o${i}`,
        person: 'c',
        at: 'C2',
        date: `2026-09-${d}`,
      })),
    );
    expect(brief(alerts)).toEqual([['F-14', 'o1', null, 0]]);
  });
});

describe('E15 F-15 visit frequency', () => {
  const days = (person: string, dates: string[]): SettlementIn[] =>
    dates.map((date, i) => ({ id: `${person}${i}`, person, at: 'C1', date }));
  it('c: C1 10-01 … 10-08, 8 visits: on 10-08 → C1', () => {
    const alerts = run(
      days(
        'c',
        ['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2026-10-${d}`),
      ),
    );
    expect(brief(alerts)).toEqual([['F-15', 'c7', null, 0]]);
    expect(alerts[0]).toMatchObject({
      institutionId: 'C1',
      evidence: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'],
    });
  });
  it('near-miss: d, 7 in October, 1 on 11-01: nothing', () => {
    expect(
      run(
        days('d', [...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2026-10-${d}`), '2026-11-01']),
      ),
    ).toEqual([]);
  });
});

describe('E16 F-16 monthly cost', () => {
  const treat = (person: string, id: string, date: string, yuan: number): SettlementIn => ({
    id,
    person,
    at: 'C1',
    date,
    lines: [{ code: 'TREAT', inScope: yuan }],
  });
  it('c: 11-02, 11-09, 11-16 治疗费 700.00 each: on 11-16 (2,100.00) → C1', () => {
    const alerts = run([
      treat('c', 'a', '2026-11-02', 700),
      treat('c', 'b', '2026-11-09', 700),
      treat('c', 'e16', '2026-11-16', 700),
    ]);
    expect(brief(alerts)).toEqual([['F-16', 'e16', null, 0]]);
    expect(alerts[0]?.text).toMatch(/2100\.00元/);
  });
  it('near-miss: d, 1,000.00 twice (2,000.00): nothing', () => {
    expect(run([treat('d', 'a', '2026-11-02', 1000), treat('d', 'b', '2026-11-09', 1000)])).toEqual([]);
  });
});

describe('E17 F-17 proxy dispensing', () => {
  const proxy: SettlementIn = {
    id: 'e17',
    person: 'd',
    at: 'D1',
    date: '2026-11-20',
    kind: 'pharmacy',
    proxy: true,
    fund: 10,
    lines: [{ code: 'XC08CAA001A', inScope: 20, kind: 'drug', days: 7 }],
  };
  it('d: C1 08-21 in person; D1 11-20 proxy (91 days): on 11-20 → C1', () => {
    const alerts = run([{ id: 'a', person: 'd', at: 'C1', date: '2026-08-21' }, proxy]);
    expect(brief(alerts)).toEqual([['F-17', 'e17', null, 0]]);
    expect(alerts[0]).toMatchObject({
      institutionId: 'C1',
      contractId: 'K-d',
      doctor: '王医生',
      identity: 'F-17|e17|',
    });
  });
  it('near-miss: c, in person 08-22 (90 days): nothing; a same-day in-person visit stored later clears it', () => {
    expect(
      run([
        { id: 'a', person: 'c', at: 'C1', date: '2026-08-22' },
        { ...proxy, person: 'c' },
      ]),
    ).toEqual([]);
    expect(
      run([
        { ...proxy, person: 'c' },
        { id: 'a', person: 'c', at: 'C1', date: '2026-11-20' },
      ]),
    ).toEqual([]);
  });
  it('a pharmacy purchase or another proxy does not clear it; proxy on an emergency is ignored', () => {
    const earlier: SettlementIn[] = [
      { id: 'p', person: 'd', at: 'D1', date: '2026-11-01', kind: 'pharmacy' },
      { id: 'q', person: 'd', at: 'C1', date: '2026-11-02', proxy: true },
    ];
    expect(brief(run([...earlier, proxy])).map((a) => a[1])).toEqual(['q', 'e17']);
    expect(
      run([{ id: 'em', person: 'd', at: 'H2', date: '2026-11-03', kind: 'emergency', proxy: true }, proxy]),
    ).toEqual([]);
  });
});

// ---- §5 runs and §10 rulings --------------------------------------------------------------------------
describe('runs', () => {
  it('evidence decides the range: a July discharge raises in the run over June', () => {
    const list: SettlementIn[] = [
      { id: 'v', person: 'm', at: 'C1', date: '2026-06-20', fund: 6 },
      stay('m', 's1', 'H2', '2026-06-15', '2026-07-02', 1000, 'J18.9'),
      stay('m', 's2', 'H2', '2026-07-10', '2026-07-12', 500, 'J18.1'),
    ];
    expect(brief(run(list, { from: '2026-06-01', to: '2026-06-30' }))).toEqual([['F-11', 'v', null, 6]]);
    const july = brief(run(list, { from: '2026-07-01', to: '2026-07-31' }));
    expect(july).toEqual([
      ['F-09', 's2', null, 500],
      ['F-11', 'v', null, 6],
    ]);
    expect(brief(run(list, { from: '2026-08-01', to: '2026-08-31' }))).toEqual([]);
  });
  it('an exemption covers its rule, person and dates only', () => {
    const list = [
      stay('m', 'a', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9'),
      stay('m', 'b', 'H2', '2026-04-25', '2026-04-30', 1600, 'J18.0'),
    ];
    const ex = (from: string, to: string, ruleId = 'F-09'): Exemption => ({
      ruleId,
      personId: 'm',
      from,
      to,
    });
    expect(run(list, { exemptions: [ex('2026-04-01', '2026-05-31')] })).toEqual([]);
    expect(run(list, { exemptions: [ex('2026-05-01', '2026-05-31')] })).toHaveLength(1);
    expect(run(list, { exemptions: [ex('2026-04-01', '2026-05-31', 'F-10')] })).toHaveLength(1);
  });
  it('reversed settlements are invisible; nothing dated before 2026 is alerted, but it is evidence', () => {
    const first = stay('m', 'a', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9');
    const second = stay('m', 'b', 'H2', '2026-04-25', '2026-04-30', 1600, 'J18.0');
    expect(run([{ ...first, reversed: true }, second])).toEqual([]);
    const cross = [
      stay('m', 'a', 'H2', '2025-12-01', '2025-12-20', 1600, 'J18.9'),
      stay('m', 'b', 'H2', '2025-12-28', '2026-01-03', 1600, 'J18.0'),
    ];
    expect(brief(run(cross))).toEqual([['F-09', 'b', null, 1600]]);
    expect(
      run(
        [
          stay('m', 'a', 'H2', '2025-11-01', '2025-11-10', 1, 'J18.9'),
          stay('m', 'b', 'H2', '2025-11-20', '2025-11-25', 1, 'J18.9'),
        ],
        { from: '2025-01-01' },
      ),
    ).toEqual([]);
  });
  it('the same input gives the same identities (a re-run creates nothing new at the server)', () => {
    const list = [chronicRefill('c', 'a', '2026-03-01'), chronicRefill('c', 'b', '2026-03-20')];
    expect(run(list).map((a) => a.identity)).toEqual(
      run(list, { from: '2026-03-20', to: '2026-03-20' }).map((a) => a.identity),
    );
  });
  it('the workflow example: raised 07-01, appeal deadline 07-11', () => {
    const w = appealWindowOn(library, '2026-07-01');
    expect(w && addDays('2026-07-01', w.appealWindowDays)).toBe('2026-07-11');
  });
});
