// The demo's insured persons (参保人员): both schemes and every category in realistic shares, some
// with certified chronic or special diseases, family-doctor contracts, employees with accounts.
import type { Person } from '../store/records.js';
import { Rng } from './prng.js';
import { COUNTIES, DEMO_REGION } from './region.js';
import { idNumberCheck } from '../domain/id-number.js';

// Every character here is one UTF-16 unit (no surrogate pairs), so Array.from splits them exactly.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉丹琳宇浩然欣怡梓涵子轩雨桐思远佳怡俊杰晨曦博文';

const SURNAME_CHARS: readonly string[] = Array.from(SURNAMES);
const GIVEN_CHARS: readonly string[] = Array.from(GIVEN);

/** A person of the demo and the county they live in (the visit generator keeps them near home). */
export interface DemoPerson extends Person {
  homeCounty: string;
}

// Chronic (门诊慢性病) and special (门诊特殊病种) diseases of the demo policy, by how common they are.
const COMMON_CHRONIC = [
  ['I10', 40],
  ['E11', 25],
  ['I25', 10],
  ['J44', 8],
  ['I69', 5],
  ['E10', 2],
  ['B18', 3],
  ['G20', 2],
  ['M05', 2],
] as const;
const RARE = [
  ['A15', 3],
  ['N18', 2],
  ['C34', 1],
  ['C50', 1],
  ['F20', 1],
  ['Z94', 0.5],
] as const;

function nameOf(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAME_CHARS) + given;
}

/**
 * Ages by category (人员类别) on 1 January of the reference year; a person turns one year older
 * during it, so a minor is at most 17 and an adult at most 59 through the whole year.
 */
const AGES: Record<Person['category'], readonly [number, number]> = {
  minor: [0, 16],
  adult: [18, 58],
  elderly: [60, 90],
  in_service: [20, 58],
  retired: [55, 85],
};
// A fixed year, not today's: person i is the same whenever the demo is seeded.
const REFERENCE_YEAR = 2026;

function birthDateOf(rng: Rng, category: Person['category']): string {
  const [youngest, oldest] = AGES[category];
  const age = rng.int(youngest, oldest);
  const dayOfYear = rng.int(0, 364);
  const birth = new Date(Date.UTC(REFERENCE_YEAR - age - 1, 0, 1) + dayOfYear * 86_400_000);
  return birth.toISOString().slice(0, 10);
}

/**
 * A 身份证号 that passes the check (GB 11643) and agrees with the person's birth date and sex (the
 * 17th digit odd for a man), from the index alone (no draw from the generator, so every other fact
 * of person i stays as it was).
 */
function demoIdNumber(index: number, birthDate: string, sex: 'male' | 'female'): string {
  const order = (index % 500) * 2 + (sex === 'male' ? 1 : 0);
  const first17 = `330106${birthDate.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  return `${first17}${idNumberCheck(first17)}`;
}

export function demoPersonId(index: number): string {
  return `DM${String(index + 1).padStart(8, '0')}`;
}

/** Persons 0..count-1; person i is the same whatever the count, so runs can grow the population. */
export function demoPersons(count: number, seed = 20260101): DemoPerson[] {
  const persons: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    const rng = new Rng(seed + i * 7919);
    const scheme = rng.chance(0.62) ? 'resident' : 'employee';
    const category =
      scheme === 'resident'
        ? rng.weighted([
            ['adult', 55],
            ['minor', 25],
            ['elderly', 20],
          ] as const)
        : rng.weighted([
            ['in_service', 72],
            ['retired', 28],
          ] as const);
    const older = category === 'elderly' || category === 'retired';
    const chronicDiseases = new Set<string>();
    if (rng.chance(older ? 0.45 : category === 'minor' ? 0.01 : 0.1)) {
      chronicDiseases.add(rng.weighted(COMMON_CHRONIC));
      if (older && rng.chance(0.3)) chronicDiseases.add(rng.weighted(COMMON_CHRONIC));
    }
    if (rng.chance(0.015)) chronicDiseases.add(rng.weighted(RARE));
    const chronic = chronicDiseases.size > 0;
    const county = rng.weighted(COUNTIES.map((c) => [c, c.urban ? 30 : 20] as const));
    const person: DemoPerson = {
      id: demoPersonId(i),
      name: nameOf(rng),
      scheme,
      category,
      region: DEMO_REGION,
      chronicDiseases: [...chronicDiseases].sort(),
      // R-B4: family-doctor contracts cover the elderly and chronic patients first.
      familyDoctorContract: rng.chance(chronic ? 0.55 : older ? 0.35 : 0.08),
      relocated: rng.chance(0.01),
      accountBalance: scheme === 'employee' ? rng.yuan(category === 'retired' ? 800 : 200, 6000) : 0,
      homeCounty: county.name,
      // Drawn last, so every earlier fact of person i is what it was before sex and birth date.
      sex: rng.chance(0.5) ? 'male' : 'female',
      birthDate: birthDateOf(rng, category),
    };
    persons.push({ ...person, idNumber: demoIdNumber(i, person.birthDate ?? '', person.sex ?? 'female') });
  }
  return persons;
}
