// A realistic visit (就诊) for a demo person: mostly primary outpatient near home, chronic care for
// the chronically ill, referrals up to hospitals, some inpatient stays, pharmacy purchases with and
// without e-prescriptions, internet follow-ups and TCM.
// The visits send what a hospital system sends (issue 12 §3): each line's code, name, kind, quantity
// and price (and consent on self-paid lines); the agency's catalogue decides the rest. A referral or
// an e-prescription is a record, created before the visit and named by id (prepareDemoVisit).
import type { Database } from '../db/types.js';
import { Conflict, RuleRefused } from '../domain/errors.js';
import { today } from '../domain/today.js';
import {
  createEPrescription,
  createReferral,
  fileReferral,
  type EPrescriptionInput,
  type ReferralInput,
} from '../registry/referrals.js';
import type { Institution } from '../store/records.js';
import type { SettleBody } from '../settle/types.js';
import {
  CHEMOTHERAPY,
  CONSULTATION,
  EXPERT_CONSULTATION,
  HEMODIALYSIS,
  HOSPITAL_LINES,
  INPATIENT_DAILY,
  INPATIENT_STAY,
  INTERNET_FOLLOW_UP,
  PRIMARY_DRUGS,
  PRIMARY_SERVICES,
  TCM_CONSULTATION,
  TCM_HERBS,
  type CatalogueItem,
} from './catalogue.js';
import type { DemoPerson } from './persons.js';
import type { Rng } from './prng.js';

type VisitShape =
  | 'primary'
  | 'chronic'
  | 'special'
  | 'hospital_referred'
  | 'hospital_walk_in'
  | 'emergency'
  | 'tcm'
  | 'pharmacy'
  | 'internet'
  | 'inpatient';

/** The institutions grouped the way the generator picks them. */
export interface DemoNetwork {
  primaryByCounty: Map<string, Institution[]>;
  hospitalsByCounty: Map<string, Institution[]>;
  cityHospitals: Institution[];
  tcmHospitals: Institution[];
  pharmaciesByCounty: Map<string, Institution[]>;
  internet: Institution[];
  all: Institution[];
}

export function demoNetwork(institutions: readonly Institution[]): DemoNetwork {
  const group = (pred: (i: Institution) => boolean): Map<string, Institution[]> => {
    const map = new Map<string, Institution[]>();
    for (const i of institutions.filter(pred)) map.set(i.county, [...(map.get(i.county) ?? []), i]);
    return map;
  };
  return {
    primaryByCounty: group((i) => i.level === 'primary' && i.type !== 'internet_hospital'),
    hospitalsByCounty: group((i) => i.type === 'general_hospital' && i.level === 'secondary'),
    cityHospitals: institutions.filter((i) => i.level === 'tertiary' && i.type === 'general_hospital'),
    tcmHospitals: institutions.filter((i) => i.type === 'tcm_hospital'),
    pharmaciesByCounty: group((i) => i.type === 'pharmacy'),
    internet: institutions.filter((i) => i.type === 'internet_hospital'),
    all: [...institutions],
  };
}

function line(rng: Rng, item: CatalogueItem, quantity?: number) {
  const q = quantity ?? (item.quantity === undefined ? 1 : rng.int(item.quantity[0], item.quantity[1]));
  return {
    code: item.code,
    name: item.name,
    kind: item.kind,
    quantity: q,
    unitPrice: rng.yuan(item.price[0], item.price[1]),
    // A self-paid line with the patient's signed consent (R-B6), as institutions record it.
    ...(item.class === 'self' ? { consent: true } : {}),
  };
}

function some(rng: Rng, list: readonly CatalogueItem[], min: number, max: number): CatalogueItem[] {
  const n = rng.int(min, max);
  return Array.from({ length: n }, () => rng.pick(list));
}

function pickFrom(
  rng: Rng,
  map: Map<string, Institution[]>,
  county: string,
  fallback: Institution[],
): Institution {
  const near = map.get(county);
  return rng.pick(near !== undefined && near.length > 0 ? near : fallback);
}

function shapeFor(rng: Rng, person: DemoPerson): VisitShape {
  const chronic = person.chronicDiseases.length > 0;
  return rng.weighted<VisitShape>([
    ['primary', 50],
    ['chronic', chronic ? 25 : 0],
    ['special', person.chronicDiseases.some((d) => /^(N18|C\d\d|Z94|F2)/.test(d)) ? 20 : 0],
    ['hospital_referred', 8],
    ['hospital_walk_in', 3],
    ['emergency', 3],
    ['tcm', 3],
    ['pharmacy', 12],
    ['internet', 2],
    ['inpatient', 2.5],
  ]);
}

/** The records a demo visit names, to create before it is settled. */
export interface DemoRecords {
  referral?: { input: ReferralInput; filed: boolean };
  ePrescription?: EPrescriptionInput;
}

/** A demo visit: the body to settle, and the records it names (created by prepareDemoVisit). */
export type DemoVisit = SettleBody & { records?: DemoRecords };

/** Creates the records a demo visit names and returns the body to settle (without them). */
export async function prepareDemoVisit(db: Database, visit: DemoVisit): Promise<SettleBody> {
  const { records, ...body } = visit;
  const change = { actor: 'demo', reason: '演示数据' };
  // The same run again (a replay) finds its records made: they are made once ('kept'). An
  // institution that may not issue or receive one (not designated, R-D3/R-D8) makes none ('refused'):
  // the visit then names no record and the registry answers it as it would any other.
  const once = async (make: () => Promise<unknown>): Promise<'made' | 'kept' | 'refused'> => {
    try {
      await make();
      return 'made';
    } catch (err) {
      if (err instanceof Conflict && err.code === 'already_exists') return 'kept';
      if (err instanceof RuleRefused) return 'refused';
      throw err;
    }
  };
  const named = { ...(body.visit as Record<string, unknown>) };
  const referral = records?.referral;
  if (referral !== undefined) {
    const r = referral.input;
    const made = await once(() =>
      createReferral(db, r, { actor: r.fromInstitutionId, reason: '开具转诊单' }),
    );
    if (made === 'made' && referral.filed && r.id !== undefined)
      await fileReferral(db, r.id, { filedOn: r.issuedOn }, { ...change, reason: '转诊备案' });
    if (made === 'refused') delete named['referralId'];
  }
  const rx = records?.ePrescription;
  if (rx !== undefined) {
    const made = await once(() => createEPrescription(db, rx, { ...change, reason: '开具电子处方' }));
    if (made === 'refused') delete named['ePrescriptionId'];
  }
  return { ...body, visit: named };
}

export function demoVisit(
  rng: Rng,
  net: DemoNetwork,
  person: DemoPerson,
  date: string,
  requestId: string,
): DemoVisit {
  const home = person.homeCounty;
  const anyPrimary = [...net.primaryByCounty.values()].flat();
  const primary = (): Institution => pickFrom(rng, net.primaryByCounty, home, anyPrimary);
  const useAccount = person.scheme === 'employee' && rng.chance(0.6);
  const scope = rng.chance(0.05) ? 'cross_county' : 'in_county';
  const shape = shapeFor(rng, person);
  const body = (
    institution: Institution,
    visit: Record<string, unknown>,
    items: unknown[],
    records?: DemoRecords,
  ): DemoVisit => ({
    requestId,
    personId: person.id,
    institutionId: institution.id,
    date,
    visit: useAccount ? { ...visit, useAccount } : visit,
    items,
    ...(records === undefined ? {} : { records }),
  });
  switch (shape) {
    case 'primary':
      return body(primary(), { kind: 'outpatient' }, [
        line(rng, CONSULTATION),
        ...some(rng, PRIMARY_DRUGS, 1, 3).map((i) => line(rng, i)),
        ...some(rng, PRIMARY_SERVICES, 0, 2).map((i) => line(rng, i)),
      ]);
    case 'chronic': {
      const diagnosis = rng.pick(person.chronicDiseases);
      // Long prescriptions (长期处方) for chronic patients at primary level (R-C10).
      return body(primary(), { kind: 'chronic_outpatient', diagnosis }, [
        line(rng, CONSULTATION),
        ...some(
          rng,
          PRIMARY_DRUGS.filter((d) => d.class !== 'self'),
          1,
          3,
        ).map((i) => line(rng, i, rng.int(2, 8))),
        ...(diagnosis.startsWith('E1') ? [line(rng, PRIMARY_SERVICES[1] as CatalogueItem)] : []),
      ]);
    }
    case 'special': {
      const diagnosis = rng.pick(person.chronicDiseases.filter((d) => /^(N18|C\d\d|Z94|F2)/.test(d)));
      const treatment = diagnosis.startsWith('N18') ? HEMODIALYSIS : CHEMOTHERAPY;
      return body(rng.pick(net.cityHospitals), { kind: 'special_outpatient', diagnosis, scope }, [
        line(rng, treatment),
        ...some(rng, HOSPITAL_LINES, 1, 3).map((i) => line(rng, i)),
      ]);
    }
    case 'hospital_referred':
    case 'hospital_walk_in': {
      const city = rng.chance(0.4);
      const hospital = city
        ? rng.pick(net.cityHospitals)
        : pickFrom(rng, net.hospitalsByCounty, home, net.cityHospitals);
      // A referral is a record of the primary institution near home, named by id (R-D3); 90 % filed.
      const filed = rng.chance(0.9);
      const from = primary();
      const referralId = `RF-${requestId}`;
      const referred = shape === 'hospital_referred';
      return body(
        hospital,
        {
          kind: 'outpatient',
          ...(referred ? { referralId } : {}),
          scope: city && home !== hospital.county ? 'cross_county' : 'in_county',
        },
        [line(rng, EXPERT_CONSULTATION), ...some(rng, HOSPITAL_LINES, 2, 6).map((i) => line(rng, i))],
        referred
          ? {
              referral: {
                input: {
                  id: referralId,
                  personId: person.id,
                  fromInstitutionId: from.id,
                  toInstitutionId: hospital.id,
                  issuedOn: date,
                  validUntil: date,
                },
                filed,
              },
            }
          : undefined,
      );
    }
    case 'emergency':
      return body(pickFrom(rng, net.hospitalsByCounty, home, net.cityHospitals), { kind: 'emergency' }, [
        line(rng, EXPERT_CONSULTATION),
        ...some(rng, HOSPITAL_LINES, 2, 5).map((i) => line(rng, i)),
      ]);
    case 'tcm':
      // R-D5: the TCM department of a TCM hospital counts as first contact.
      return body(rng.pick(net.tcmHospitals), { kind: 'outpatient', department: 'tcm' }, [
        line(rng, TCM_CONSULTATION),
        line(rng, TCM_HERBS),
        ...(rng.chance(0.4) ? [line(rng, PRIMARY_SERVICES[4] as CatalogueItem)] : []),
      ]);
    case 'pharmacy': {
      const withPrescription = rng.chance(0.6);
      const prescriber = primary();
      const pharmacy = pickFrom(
        rng,
        net.pharmaciesByCounty,
        home,
        net.all.filter((i) => i.type === 'pharmacy'),
      );
      const lines = some(rng, PRIMARY_DRUGS, 1, 4).map((i) => line(rng, i));
      const ePrescriptionId = `RX-${requestId}`;
      // R-D8: an e-prescription of a community centre takes the purchase into outpatient pooling;
      // it is a record of the prescriber, listing exactly the drugs dispensed.
      return body(
        pharmacy,
        { kind: 'pharmacy', ...(withPrescription ? { ePrescriptionId } : {}) },
        lines,
        withPrescription
          ? {
              ePrescription: {
                id: ePrescriptionId,
                personId: person.id,
                institutionId: prescriber.id,
                doctor: '家庭医生',
                issuedOn: date,
                validUntil: date,
                items: prescribed(lines),
              },
            }
          : undefined,
      );
    }
    case 'internet':
      return body(rng.pick(net.internet), { kind: 'outpatient' }, [
        line(rng, INTERNET_FOLLOW_UP),
        ...some(
          rng,
          PRIMARY_DRUGS.filter((d) => d.class !== 'self'),
          1,
          2,
        ).map((i) => line(rng, i)),
      ]);
    case 'inpatient': {
      const city = rng.chance(0.5);
      const hospital = city
        ? rng.pick(net.cityHospitals)
        : pickFrom(rng, net.hospitalsByCounty, home, net.cityHospitals);
      const days = rng.int(3, 12);
      return body(
        hospital,
        { kind: 'inpatient', scope: city && home !== hospital.county ? 'cross_county' : 'in_county' },
        [
          ...INPATIENT_DAILY.map((i) => line(rng, i, days)),
          ...some(rng, INPATIENT_STAY, 4, 10).map((i) => line(rng, i)),
        ],
      );
    }
  }
}

/** What a prescription lists for these lines: each drug once, with the quantity dispensed. */
function prescribed(lines: readonly { code: string; name: string; quantity: number }[]) {
  const byCode = new Map<string, { code: string; name: string; quantity: number }>();
  for (const l of lines) {
    const held = byCode.get(l.code);
    if (held === undefined) byCode.set(l.code, { code: l.code, name: l.name, quantity: l.quantity });
    else held.quantity += l.quantity;
  }
  return [...byCode.values()];
}

const DAY_MS = 86_400_000;

/** The day before `day` (YYYY-MM-DD). */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date of the demo year: mostly 2026, some 2025, evenly over the days — and never after
 * `until` (default: yesterday, SERVICE_CONTRACT.md's today less a day): a later one falls back
 * into the days up to it.
 */
export function demoDate(rng: Rng, until: string = dayBefore(today())): string {
  const year = rng.chance(0.15) ? 2025 : 2026;
  const day = rng.int(0, 364);
  const start = Date.UTC(year, 0, 1);
  const last = Date.parse(`${until}T00:00:00Z`);
  const span = Math.floor((last - start) / DAY_MS); // days of the year up to `until`
  if (span < 0) return until; // the year has not begun: the latest day allowed
  const d = new Date(start + (day <= span ? day : day % (span + 1)) * DAY_MS);
  return d.toISOString().slice(0, 10);
}
