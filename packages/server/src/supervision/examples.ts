// The 事后 worked examples E08–E17 of SUPERVISION_RULES.md §9 with a near-miss each, as stored
// settlements (supervision/testing.ts), and the alerts a run over 2026 must raise on them — no more.
import { 诊查费, type LineIn, type SettlementIn } from './testing.js';

const chronic = (person: string, id: string, date: string): SettlementIn => ({
  id,
  person,
  at: 'C1',
  date,
  kind: 'chronic_outpatient',
  diagnosis: 'I10',
  fund: 45.5,
  lines: [诊查费(), { code: 'XC08CAA001A', inScope: 60, kind: 'drug', days: 30 }],
});

const stay = (
  person: string,
  id: string,
  at: string,
  admission: string,
  discharge: string,
  fund: number,
  diagnosis?: string,
  lines: LineIn[] = [{ code: 'SURGERY', inScope: 2600 }],
): SettlementIn => ({
  id,
  person,
  at,
  date: discharge,
  admission,
  kind: 'inpatient',
  fund,
  ...(diagnosis !== undefined ? { diagnosis } : {}),
  lines,
});

const visit = (person: string, id: string, at: string, date: string, fund = 6): SettlementIn => ({
  id,
  person,
  at,
  date,
  fund,
});

const ct = (id: string, at: string, date: string, price: number, fund: number): SettlementIn => ({
  id,
  person: 'm',
  at,
  date,
  fund,
  referral: true,
  lines: [{ code: '210103001', inScope: price }],
});

const treat = (person: string, id: string, date: string, yuan: number): SettlementIn => ({
  id,
  person,
  at: 'C1',
  date,
  lines: [{ code: 'TREAT', inScope: yuan }],
});

const octoberDays = (person: string, n: number): SettlementIn[] =>
  Array.from({ length: n }, (_, i) =>
    visit(person, `${person}-10-0${String(i + 1)}`, 'C1', `2026-10-0${String(i + 1)}`, 0),
  );

/** In the order the service stored them. */
export const EXAMPLES: SettlementIn[] = [
  // E08 F-08: c refills on 03-20 with 11 days left; near-miss n on 03-24 (7 left).
  chronic('c', 'e08a', '2026-03-01'),
  chronic('c', 'e08b', '2026-03-20'),
  chronic('n', 'e08c', '2026-03-01'),
  chronic('n', 'e08d', '2026-03-24'),
  // E09 F-09: m readmitted at H2 within 15 days, same category; near-miss n after 16 days.
  stay('m', 'e09a', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9'),
  stay('m', 'e09b', 'H2', '2026-04-25', '2026-04-30', 1600, 'J18.0'),
  stay('n', 'e09c', 'H2', '2026-04-01', '2026-04-10', 1600, 'J18.9'),
  stay('n', 'e09d', 'H2', '2026-04-26', '2026-04-30', 1600, 'J18.0'),
  // E10 F-10: f in H2 and H3 at once; near-miss g admitted on the day of discharge (a transfer).
  stay('f', 'e10a', 'H2', '2026-05-01', '2026-05-10', 1600),
  stay('f', 'e10b', 'H3', '2026-05-08', '2026-05-12', 1400),
  stay('g', 'e10c', 'H2', '2026-05-01', '2026-05-10', 1600),
  stay('g', 'e10d', 'H3', '2026-05-10', '2026-05-12', 1400),
  // E11 F-11: m at C1 on 06-05 during the H2 stay settled at discharge; near-miss on the discharge day.
  {
    id: 'e11v',
    person: 'm',
    at: 'C1',
    date: '2026-06-05',
    fund: 18,
    lines: [诊查费(), { code: 'XA10BAA001A', inScope: 20, kind: 'drug' }],
  },
  stay('m', 'e11s', 'H2', '2026-06-01', '2026-06-10', 2000),
  visit('m', 'e11w', 'C1', '2026-06-10'),
  // E12 F-12: f's third visit on 07-01; near-miss g, two on 07-01 and one on 07-02.
  visit('f', 'e12a', 'C1', '2026-07-01'),
  visit('f', 'e12b', 'C2', '2026-07-01'),
  visit('f', 'e12c', 'S1', '2026-07-01'),
  visit('g', 'e12d', 'C1', '2026-07-01'),
  visit('g', 'e12e', 'C2', '2026-07-01'),
  visit('g', 'e12f', 'S1', '2026-07-02'),
  // E13 F-13: m's CT at H3 14 days after H2's; near-miss the third 15 days after.
  ct('e13a', 'H2', '2026-08-01', 200, 0),
  ct('e13b', 'H3', '2026-08-15', 250, 100),
  ct('e13c', 'H3', '2026-08-30', 250, 100),
  // E14 F-14: c's second outflow of September; near-miss d14, one a month.
  visit('c', 'e14a', 'C2', '2026-09-03', 0),
  visit('c', 'e14b', 'S1', '2026-09-10', 0),
  visit('c', 'e14c', 'C2', '2026-09-20', 0),
  visit('d14', 'e14d', 'C2', '2026-09-25', 0),
  visit('d14', 'e14e', 'C2', '2026-10-02', 0),
  // E15 F-15: c's 8th visit of October; near-miss d15, 7 in October and 1 on 11-01.
  ...octoberDays('c', 8),
  ...octoberDays('d15', 7),
  visit('d15', 'e15x', 'C1', '2026-11-01', 0),
  // E16 F-16: c passes 2,000.00 on 11-16; near-miss d16 reaches exactly 2,000.00.
  treat('c', 'e16a', '2026-11-02', 700),
  treat('c', 'e16b', '2026-11-09', 700),
  treat('c', 'e16c', '2026-11-16', 700),
  treat('d16', 'e16d', '2026-11-02', 1000),
  treat('d16', 'e16e', '2026-11-09', 1000),
  // E17 F-17: d's proxy purchase 91 days after the last visit in person; near-miss c17 at 90 days.
  visit('d', 'e17a', 'C1', '2026-08-21', 0),
  {
    id: 'e17b',
    person: 'd',
    at: 'D1',
    date: '2026-11-20',
    kind: 'pharmacy',
    proxy: true,
    fund: 10,
    lines: [{ code: 'XC08CAA001A', inScope: 20, kind: 'drug', days: 7 }],
  },
  visit('c17', 'e17c', 'C1', '2026-08-22', 0),
  {
    id: 'e17d',
    person: 'c17',
    at: 'D1',
    date: '2026-11-20',
    kind: 'pharmacy',
    proxy: true,
    fund: 10,
    lines: [{ code: 'XC08CAA001A', inScope: 20, kind: 'drug', days: 7 }],
  },
];

export interface ExpectedAlert {
  ruleId: string;
  settlementId: string;
  line: number | null;
  amount: number; // yuan
  institutionId: string;
  personId: string;
  evidence: string[];
  contractId: string | null;
}

const fd = { contractId: 'K-c' };
const octoberC = octoberDays('c', 8).map((s) => s.id);

/** Every alert of E08–E17, in rule order. */
export const EXPECTED: ExpectedAlert[] = [
  {
    ruleId: 'F-08',
    settlementId: 'e08b',
    line: 1,
    amount: 39,
    institutionId: 'C1',
    personId: 'c',
    evidence: ['e08a', 'e08b'],
    contractId: null,
  },
  {
    ruleId: 'F-09',
    settlementId: 'e09b',
    line: null,
    amount: 1600,
    institutionId: 'H2',
    personId: 'm',
    evidence: ['e09a', 'e09b'],
    contractId: null,
  },
  {
    ruleId: 'F-10',
    settlementId: 'e10b',
    line: null,
    amount: 1400,
    institutionId: 'H3',
    personId: 'f',
    evidence: ['e10a', 'e10b'],
    contractId: null,
  },
  {
    ruleId: 'F-11',
    settlementId: 'e11v',
    line: null,
    amount: 18,
    institutionId: 'C1',
    personId: 'm',
    evidence: ['e11v', 'e11s'],
    contractId: null,
  },
  {
    ruleId: 'F-12',
    settlementId: 'e12c',
    line: null,
    amount: 6,
    institutionId: 'S1',
    personId: 'f',
    evidence: ['e12a', 'e12b', 'e12c'],
    contractId: null,
  },
  {
    ruleId: 'F-13',
    settlementId: 'e13b',
    line: 0,
    amount: 100,
    institutionId: 'H3',
    personId: 'm',
    evidence: ['e13a', 'e13b'],
    contractId: null,
  },
  {
    ruleId: 'F-14',
    settlementId: 'e14c',
    line: null,
    amount: 0,
    institutionId: 'C1',
    personId: 'c',
    evidence: ['e14a', 'e14c'],
    ...fd,
  },
  {
    ruleId: 'F-15',
    settlementId: 'c-10-08',
    line: null,
    amount: 0,
    institutionId: 'C1',
    personId: 'c',
    evidence: octoberC,
    ...fd,
  },
  {
    ruleId: 'F-16',
    settlementId: 'e16c',
    line: null,
    amount: 0,
    institutionId: 'C1',
    personId: 'c',
    evidence: ['e16a', 'e16b', 'e16c'],
    ...fd,
  },
  {
    ruleId: 'F-17',
    settlementId: 'e17b',
    line: null,
    amount: 0,
    institutionId: 'C1',
    personId: 'd',
    evidence: ['e17b'],
    contractId: 'K-d',
  },
];
