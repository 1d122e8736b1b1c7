// A realistic visit (就诊) for a demo person: mostly primary outpatient near home, chronic care for
// the chronically ill, referrals up to hospitals, some inpatient stays, pharmacy purchases with and
// without e-prescriptions, internet follow-ups and TCM.
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
    class: item.class,
    ...(item.selfPayRatio === undefined ? {} : { selfPayRatio: item.selfPayRatio }),
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

export function demoVisit(
  rng: Rng,
  net: DemoNetwork,
  person: DemoPerson,
  date: string,
  requestId: string,
): SettleBody {
  const home = person.homeCounty;
  const anyPrimary = [...net.primaryByCounty.values()].flat();
  const primary = (): Institution => pickFrom(rng, net.primaryByCounty, home, anyPrimary);
  const useAccount = person.scheme === 'employee' && rng.chance(0.6);
  const scope = rng.chance(0.05) ? 'cross_county' : 'in_county';
  const shape = shapeFor(rng, person);
  const body = (institution: Institution, visit: Record<string, unknown>, items: unknown[]): SettleBody => ({
    requestId,
    personId: person.id,
    institutionId: institution.id,
    date,
    visit: useAccount ? { ...visit, useAccount } : visit,
    items,
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
      const referral =
        shape === 'hospital_referred'
          ? { fromLevel: 'primary', direction: 'up', filed: rng.chance(0.9) }
          : null;
      return body(
        hospital,
        {
          kind: 'outpatient',
          referral,
          scope: city && home !== hospital.county ? 'cross_county' : 'in_county',
        },
        [line(rng, EXPERT_CONSULTATION), ...some(rng, HOSPITAL_LINES, 2, 6).map((i) => line(rng, i))],
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
      return body(
        pickFrom(
          rng,
          net.pharmaciesByCounty,
          home,
          net.all.filter((i) => i.type === 'pharmacy'),
        ),
        {
          kind: 'pharmacy',
          // R-D8: an e-prescription of a community centre takes the purchase into outpatient pooling.
          ePrescription: withPrescription ? { fromLevel: 'primary', fromType: prescriber.type } : null,
        },
        some(rng, PRIMARY_DRUGS, 1, 4).map((i) => line(rng, i)),
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

/** A date of the demo year: mostly 2026, some 2025, evenly over the days. */
export function demoDate(rng: Rng): string {
  const year = rng.chance(0.15) ? 2025 : 2026;
  const day = rng.int(0, 364);
  const d = new Date(Date.UTC(year, 0, 1) + day * 86_400_000);
  return d.toISOString().slice(0, 10);
}
