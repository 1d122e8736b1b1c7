// Deterministic random calc requests (CALC_CONTRACT.md) for the benchmarks: every scheme, level,
// visit kind and item class, in realistic proportions. Seeded, so every run measures the same visits.
export function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const yuan = (r, max) => Math.round(r() * max * 100) / 100;

const INSTITUTIONS = [
  { level: 'primary', type: 'community_centre' },
  { level: 'primary', type: 'community_station' },
  { level: 'primary', type: 'township_centre' },
  { level: 'primary', type: 'village_clinic' },
  { level: 'secondary', type: 'general_hospital' },
  { level: 'secondary', type: 'tcm_hospital' },
  { level: 'tertiary', type: 'general_hospital' },
  { level: 'primary', type: 'internet_hospital' },
];

function item(r, i) {
  const cls = pick(r, ['A', 'A', 'A', 'B', 'B', 'self']);
  const kind = pick(r, ['drug', 'drug', 'service', 'material']);
  const unitPrice = (Math.round(r() * 20000) + 1) / 100;
  const it = {
    code: `X${i}${cls}`,
    name: `项目${i}`,
    kind,
    class: cls,
    quantity: pick(r, [1, 1, 2, 3, 0.5, 1.25]),
    unitPrice,
  };
  if (cls === 'B') it.selfPayRatio = pick(r, [0.1, 0.05, 0.15]);
  if (cls === 'self') it.consent = r() < 0.8;
  if (r() < 0.1) it.priceStandard = Math.round(unitPrice * 90) / 100;
  if (cls !== 'self' && r() < 0.05) it.paymentLimit = Math.round(unitPrice * 80) / 100;
  if (r() < 0.03) it.publicHealth = true;
  if (cls === 'B' && kind === 'drug' && r() < 0.1) it.fixedSelfPay = true;
  return it;
}

export function randomVisit(r) {
  const scheme = r() < 0.6 ? 'resident' : 'employee';
  const category =
    scheme === 'resident' ? pick(r, ['adult', 'minor', 'elderly']) : pick(r, ['in_service', 'retired']);
  const chronicDiseases = r() < 0.25 ? [pick(r, ['E11', 'I10', 'A15', 'J44'])] : [];
  const person = {
    scheme,
    category,
    chronicDiseases,
    familyDoctorContract: r() < 0.4,
    relocated: r() < 0.03,
    accountBalance: scheme === 'employee' ? yuan(r, 3000) : 0,
  };
  const roll = r();
  let institution = pick(r, INSTITUTIONS);
  let visit;
  if (roll < 0.1) {
    institution = { type: 'pharmacy' };
    visit = {
      kind: 'pharmacy',
      ePrescription: r() < 0.7 ? { fromLevel: 'primary', fromType: 'community_centre' } : null,
      useAccount: r() < 0.5,
    };
  } else if (roll < 0.2 && chronicDiseases.length > 0) {
    visit = { kind: 'chronic_outpatient', diagnosis: chronicDiseases[0] };
  } else if (roll < 0.27) {
    const kind = institution.level === 'primary' && r() < 0.3 ? 'family_bed' : 'inpatient';
    const up = institution.level !== 'primary';
    visit = {
      kind,
      scope: pick(r, ['in_county', 'in_county', 'cross_county', 'out_of_city']),
      referral:
        r() < 0.4
          ? {
              fromLevel: up ? 'primary' : 'secondary',
              direction: up ? 'up' : 'down',
              filed: r() < 0.8,
              linkedDeductiblePaid: r() < 0.3 ? 600 : 0,
            }
          : null,
    };
  } else {
    const hospital = institution.level !== 'primary';
    visit = {
      kind: r() < 0.08 ? 'emergency' : 'outpatient',
      department: institution.type === 'tcm_hospital' && r() < 0.5 ? 'tcm' : 'general',
      referral: hospital && r() < 0.5 ? { fromLevel: 'primary', direction: 'up', filed: r() < 0.9 } : null,
      useAccount: scheme === 'employee' && r() < 0.6,
    };
  }
  const n = 1 + Math.floor(r() * 10);
  const items = [];
  for (let i = 0; i < n; i++) items.push(item(r, i));
  const date =
    r() < 0.2
      ? '2025-11-15'
      : `2026-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-1${Math.floor(r() * 9)}`;
  const ytd = {
    outpatientDeductiblePaid: yuan(r, 500),
    outpatientFundPaid: yuan(r, 1500),
    outpatientInScope: yuan(r, 3000),
    chronicFundPaid: yuan(r, 2000),
    specialDeductiblePaid: 0,
    inpatientFundPaid: yuan(r, 10000),
  };
  return { region: 'demo', date, person, institution, visit, items, ytd };
}

// Codes on the demo region's 事中 lists (policy/demo/supervision-2026-in-settlement.yaml): a share of
// lines carries one, so the rules have something to judge (SUPERVISION_RULES.md §3.1).
const LISTED = [
  '250404001',
  '110200001',
  '110200010',
  '120400001',
  '110900001',
  'XC08CAA001A',
  'XJ01DHM001B',
  'PH0002',
];

/**
 * The facts the 事中 rules read, from a generator of their own so the visits themselves are those
 * of before: the person's sex and birth date, drug days, a stay's admission date, listed codes.
 */
function withSupervisionFacts(r, v) {
  v.person.sex = r() < 0.5 ? 'male' : 'female';
  v.person.birthDate = `${1940 + Math.floor(r() * 80)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
  if (v.visit.kind === 'inpatient' || v.visit.kind === 'family_bed') {
    const d = new Date(`${v.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - Math.floor(r() * 10));
    v.visit.admissionDate = d.toISOString().slice(0, 10);
  }
  // As prescribed in practice: most drug lines within the 7-day outpatient rule, a few long ones
  // (chronic prescriptions run to 30 days); a listed code on a few lines, mostly billed correctly.
  for (const it of v.items) {
    if (it.kind === 'drug' && r() < 0.7)
      it.days = r() < 0.95 ? 1 + Math.floor(r() * 7) : 8 + Math.floor(r() * 23);
    if (r() < 0.04) it.code = pick(r, LISTED);
  }
  return v;
}

export function randomVisits(count, seed = 20261123) {
  const r = prng(seed);
  const facts = prng(seed ^ 0x5f3759df);
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = withSupervisionFacts(facts, randomVisit(r));
  return out;
}
