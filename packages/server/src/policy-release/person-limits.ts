// A person's year against the limits of their group (封顶线、起付线、分段线), as the policy in force
// on the view's date says: the console shows this answer and keeps no copy of the rule (R-D4).
import type { Accumulators, PersonLimit, PersonLimits } from '@yibao/api';
import type { Person } from '../store/records.js';
import { today } from '../domain/today.js';
import type { ParameterView, VersionView } from './console-view.js';

/**
 * The day whose policy applies to a year's view: today for this year (the business date,
 * domain/today.ts, unless a day is given), else the year's last day.
 */
export function policyDateFor(year: number, day: Date | string = today()): string {
  const date = typeof day === 'string' ? day : day.toISOString().slice(0, 10);
  const current = Number(date.slice(0, 4));
  if (year === current) return date;
  return year < current ? `${year}-12-31` : `${year}-01-01`;
}

/** The value of a parameter in force on a date for a group ("scheme/category"); region-wide counts. */
export function inForce(
  params: readonly ParameterView[],
  name: string,
  group: string,
  date: string,
): ParameterView | undefined {
  return params.find(
    (p) =>
      p.name === name &&
      (p.groups.length === 0 || p.groups.includes(group)) &&
      p.effectiveFrom <= date &&
      (p.until === null || date < p.until),
  );
}

/** The largest amount of a by-level value: a deductible shared by secondary and tertiary care. */
function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null) {
    const numbers = Object.values(value).filter((v): v is number => typeof v === 'number');
    return numbers.length === 0 ? null : Math.max(...numbers);
  }
  return null;
}

export function limitsOf(
  person: Person,
  ytd: Accumulators,
  params: readonly ParameterView[],
  date: string,
): PersonLimit[] {
  const group = `${person.scheme}/${person.category}`;
  const find = (name: string) => inForce(params, name, group, date);
  // R-D4: a certified chronic disease together with a family-doctor contract raises the cap.
  const raisedParam =
    person.chronicDiseases.length > 0 && person.familyDoctorContract
      ? find('generalOutpatient.capRaised')
      : undefined;
  const raised = raisedParam !== undefined && amountOf(raisedParam.value) !== null;
  const limit = (
    accumulator: PersonLimit['accumulator'],
    kind: PersonLimit['kind'],
    param: ParameterView | undefined,
    isRaised = false,
  ): PersonLimit => ({
    accumulator,
    kind,
    used: ytd[accumulator],
    limit: param === undefined ? null : amountOf(param.value),
    parameter: param?.name ?? null,
    raised: isRaised,
    citation: param?.source ?? null,
  });
  return [
    raised
      ? limit('outpatientFundPaid', 'cap', raisedParam, true)
      : limit('outpatientFundPaid', 'cap', find('generalOutpatient.cap')),
    limit('outpatientDeductiblePaid', 'deductible', find('generalOutpatient.deductible')),
    limit('outpatientInScope', 'tierThreshold', find('generalOutpatient.tierThreshold')),
    limit('chronicFundPaid', 'cap', find('chronicOutpatient.cap')),
    limit('specialDeductiblePaid', 'deductible', find('specialOutpatient.deductible')),
    limit('inpatientFundPaid', 'cap', find('inpatient.cap')),
  ];
}

/** The policy version in force on a date (versions run from their start to the next one's). */
export function versionOn(versions: readonly VersionView[], date: string): string | null {
  return versions.find((v) => v.effectiveFrom <= date && (v.until === null || date < v.until))?.id ?? null;
}

export function personLimits(
  person: Person,
  year: number,
  ytd: Accumulators,
  policy: { parameters: readonly ParameterView[]; versions: readonly VersionView[] },
  day: Date | string = today(),
): PersonLimits {
  const date = policyDateFor(year, day);
  const params = policy.parameters;
  return {
    personId: person.id,
    year,
    date,
    group: `${person.scheme}/${person.category}`,
    policyVersion: versionOn(policy.versions, date),
    limits: limitsOf(person, ytd, params, date),
  };
}
