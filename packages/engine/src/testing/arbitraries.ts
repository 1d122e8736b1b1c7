// fast-check arbitraries for VALID calculation requests (CALC_CONTRACT.md, REFERENCE_POLICY.md §8):
// any scheme/category/level/type/kind/referral/e-prescription/items/ytd combination the contract
// accepts. Money is generated as integer fen and converted to yuan; quantities and ratios as integer
// ten-thousandths.
import fc from 'fast-check';
import type { RawInstitution, RawItem, RawReferral, RawRequest, RawVisit, RawYtd } from './demoPolicy.js';

const LEVELS = ['primary', 'secondary', 'tertiary'] as const;
type Level = (typeof LEVELS)[number];
const RANK: Record<Level, number> = { primary: 1, secondary: 2, tertiary: 3 };

/** Institution types valid at each level (§2, §8 "Level"). */
export const TYPES_BY_LEVEL: Record<Level, readonly string[]> = {
  primary: [
    'community_centre',
    'community_station',
    'township_centre',
    'village_clinic',
    'clinic',
    'internet_hospital',
  ],
  secondary: ['general_hospital', 'tcm_hospital', 'internet_hospital'],
  tertiary: ['general_hospital', 'tcm_hospital', 'internet_hospital'],
};

export const DIAGNOSES = [
  'I10',
  'E11',
  'E11.9',
  'E119',
  'A15',
  'A16.2',
  'A19',
  'N18',
  'C50',
  'C50.9',
  'J06',
  'F20',
] as const;
export const CERTIFIABLE = ['I10', 'E11', 'A15', 'A16', 'N18', 'C50', 'F20'] as const;

const fenToYuan = (n: number): number => n / 100;
export const yuan = (maxFen: number, minFen = 0): fc.Arbitrary<number> =>
  fc.integer({ min: minFen, max: maxFen }).map(fenToYuan);

const levelArb = fc.constantFrom(...LEVELS);

const institutionArb: fc.Arbitrary<RawInstitution> = fc.oneof(
  {
    weight: 6,
    arbitrary: levelArb.chain((level) =>
      fc.constantFrom(...TYPES_BY_LEVEL[level]).map((type) => ({ level, type })),
    ),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'pharmacy' }) },
);

function direction(from: Level, to: Level): string {
  const d = RANK[to] - RANK[from];
  return d > 0 ? 'up' : d < 0 ? 'down' : 'lateral';
}

const referralArb = (to: Level): fc.Arbitrary<RawReferral | null> =>
  fc.option(
    fc
      .record({
        fromLevel: levelArb,
        filed: fc.boolean(),
        linkedDeductiblePaid: fc.oneof(fc.constant(0), yuan(150_000)),
      })
      .map((r) => ({
        ...r,
        direction: direction(r.fromLevel, to),
      })),
    { nil: null },
  );

const ePrescriptionArb = fc.option(
  levelArb.chain((fromLevel) =>
    fc
      .option(fc.constantFrom(...TYPES_BY_LEVEL[fromLevel]), { nil: undefined })
      .map((fromType) => (fromType === undefined ? { fromLevel } : { fromLevel, fromType })),
  ),
  { nil: null },
);

const visitArb = (inst: RawInstitution): fc.Arbitrary<RawVisit> => {
  const level = (inst.level ?? null) as Level | null;
  const common = {
    department: fc.constantFrom('general', 'tcm'),
    scope: fc.constantFrom('in_county', 'cross_county', 'out_of_city'),
    useAccount: fc.boolean(),
  };
  if (level === null) {
    return fc.record({
      ...common,
      kind: fc.constant('pharmacy'),
      diagnosis: fc.option(fc.constantFrom(...DIAGNOSES), { nil: null }),
      ePrescription: ePrescriptionArb,
    });
  }
  return fc
    .constantFrom(
      'outpatient',
      'emergency',
      'chronic_outpatient',
      'special_outpatient',
      'inpatient',
      'family_bed',
    )
    .chain((kind) =>
      fc.record({
        ...common,
        kind: fc.constant(kind),
        diagnosis:
          kind === 'chronic_outpatient' || kind === 'special_outpatient'
            ? fc.constantFrom(...DIAGNOSES)
            : fc.option(fc.constantFrom(...DIAGNOSES), { nil: null }),
        referral: referralArb(level),
      }),
    );
};

let n = 0;
const priceArb = fc.oneof({ weight: 3, arbitrary: yuan(10_000) }, { weight: 1, arbitrary: yuan(500_000) });

export const itemArb: fc.Arbitrary<RawItem> = fc
  .record({
    kind: fc.constantFrom('drug', 'service', 'material'),
    class: fc.constantFrom('A', 'B', 'self'),
    ratio: fc.option(
      fc.integer({ min: 0, max: 10_000 }).map((r) => r / 10_000),
      { nil: null },
    ),
    quantity: fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 1_000_000 }).map((q) => q / 10_000),
    ),
    unitPrice: priceArb,
    priceStandard: fc.option(priceArb, { nil: null }),
    paymentLimit: fc.option(priceArb, { nil: null }),
    consent: fc.boolean(),
    publicHealth: fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    fixedSelfPay: fc.boolean(),
  })
  .map(({ ratio, ...i }) => {
    const item: RawItem = { code: `P${String(++n)}`, ...i };
    if (i.class === 'B' && ratio !== null) item.selfPayRatio = ratio;
    return item;
  });

/** A Class A line (more in-scope cost, unless it is a public-health item). */
export const classAItemArb: fc.Arbitrary<RawItem> = fc
  .record({
    kind: fc.constantFrom('drug', 'service', 'material'),
    quantity: fc.oneof(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 1_000_000 }).map((q) => q / 10_000),
    ),
    unitPrice: priceArb,
  })
  .map((i) => ({ code: `X${String(++n)}`, class: 'A' as const, ...i }));

export const ytdArb: fc.Arbitrary<RawYtd> = fc.record({
  outpatientDeductiblePaid: yuan(60_000),
  outpatientFundPaid: fc.oneof(yuan(150_000), yuan(900_000)),
  outpatientInScope: fc.oneof(yuan(400_000), yuan(160_000, 140_000)),
  chronicFundPaid: fc.oneof(yuan(350_000), yuan(600_000)),
  specialDeductiblePaid: yuan(40_000),
  inpatientFundPaid: fc.oneof(yuan(1_000_000), yuan(41_000_000, 29_000_000)),
});

const FIRST_DAY = Date.UTC(2025, 0, 1);
const dateArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('2025-12-31', '2026-01-01') },
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 0, max: 3 * 365 })
      .map((d) => new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10)),
  },
);

const personArb = fc
  .record({
    scheme: fc.constantFrom('resident', 'employee'),
    chronicDiseases: fc.subarray([...CERTIFIABLE]),
    familyDoctorContract: fc.boolean(),
    relocated: fc.boolean(),
    accountBalance: fc.oneof(fc.constant(0), yuan(1_000_000)),
  })
  .chain((p) =>
    fc
      .constantFrom(...(p.scheme === 'resident' ? ['adult', 'minor', 'elderly'] : ['in_service', 'retired']))
      .map((category) => ({ ...p, category })),
  );

/** Any valid request of the demo region. */
export const requestArb: fc.Arbitrary<RawRequest> = fc
  .record({
    date: dateArb,
    person: personArb,
    institution: institutionArb,
    items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
    ytd: ytdArb,
  })
  .chain((r) => visitArb(r.institution).map((visit): RawRequest => ({ region: 'demo', ...r, visit })));
