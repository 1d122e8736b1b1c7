// A person's accumulators for a year set against the caps and deductibles of their group, as the
// policy in force says (never a number written here): the policy endpoint gives every dated value.
import type { Accumulators, AccumulatorName, Citation, Person, PolicyParameter } from '../../api/types';
import type { MessageKey } from '../../i18n/messages.zh';

export interface CapRow {
  key: AccumulatorName;
  title: MessageKey;
  limitTitle: MessageKey;
  used: number;
  limit: number | null; // null: the policy has no such limit for this group
  citation: Citation | undefined;
  note?: MessageKey;
}

/** The day whose policy applies to a year's view: today for this year, else the year's last day. */
export function policyDateFor(year: number, today: Date = new Date()): string {
  const current = today.getFullYear();
  if (year === current) return today.toISOString().slice(0, 10);
  return year < current ? `${year}-12-31` : `${year}-01-01`;
}

export function inForce(
  params: readonly PolicyParameter[],
  name: string,
  group: string,
  date: string,
): PolicyParameter | undefined {
  return params.find(
    (p) =>
      p.name === name &&
      (p.groups.length === 0 || p.groups.includes(group)) &&
      p.effectiveFrom <= date &&
      (p.until === null || date < p.until),
  );
}

/** The largest amount of a by-level value (a deductible shared by secondary and tertiary care). */
function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null) {
    const numbers = Object.values(value).filter((v): v is number => typeof v === 'number');
    return numbers.length === 0 ? null : Math.max(...numbers);
  }
  return null;
}

export function capRows(
  person: Person,
  ytd: Accumulators,
  params: readonly PolicyParameter[],
  date: string,
): CapRow[] {
  const group = `${person.scheme}/${person.category}`;
  const find = (name: string) => inForce(params, name, group, date);
  // R-D4: a certified chronic disease together with a family-doctor contract raises the cap.
  const raised =
    person.chronicDiseases.length > 0 && person.familyDoctorContract
      ? find('generalOutpatient.capRaised')
      : undefined;
  const raisedValue = raised === undefined ? null : amountOf(raised.value);
  const outpatientCap = raisedValue !== null ? raised : find('generalOutpatient.cap');
  const row = (
    key: AccumulatorName,
    title: MessageKey,
    limitTitle: MessageKey,
    param: PolicyParameter | undefined,
    note?: MessageKey,
  ): CapRow => ({
    key,
    title,
    limitTitle,
    used: ytd[key],
    limit: param === undefined ? null : amountOf(param.value),
    citation: param?.source,
    ...(note === undefined ? {} : { note }),
  });
  return [
    row(
      'outpatientFundPaid',
      'caps.outpatientFundPaid',
      'caps.cap',
      outpatientCap,
      raisedValue !== null ? 'caps.raisedNote' : undefined,
    ),
    row(
      'outpatientDeductiblePaid',
      'caps.outpatientDeductiblePaid',
      'caps.deductible',
      find('generalOutpatient.deductible'),
      'caps.sharedDeductibleNote',
    ),
    row(
      'outpatientInScope',
      'caps.outpatientInScope',
      'caps.tierThreshold',
      find('generalOutpatient.tierThreshold'),
    ),
    row('chronicFundPaid', 'caps.chronicFundPaid', 'caps.cap', find('chronicOutpatient.cap')),
    row(
      'specialDeductiblePaid',
      'caps.specialDeductiblePaid',
      'caps.deductible',
      find('specialOutpatient.deductible'),
    ),
    row('inpatientFundPaid', 'caps.inpatientFundPaid', 'caps.cap', find('inpatient.cap')),
  ];
}
