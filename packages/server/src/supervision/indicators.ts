// 监测指标 (SUPERVISION_RULES.md §8, R-F2, R-F5): one institution's month, or the region's with the
// primary-care share, outpatient and inpatient apart — the engine's one definition (monthIndicators)
// over the stored settlements, so the assessment (R-A7) can read the same numbers.
import {
  fenToYuan,
  indicatorSettingsOn,
  monthIndicators,
  supervisionAddDays,
  type IndicatorFact,
  type SupervisionLibrary,
} from '@yibao/engine';
import type { Indicators } from '@yibao/api';
import type { Queryable } from '../db/types.js';
import { Invalid } from '../domain/errors.js';
import { settlementFactsOfPeriod, stayFactsOfPersons } from '../store/supervision/facts.js';

/** How far back an earlier stay is read for the readmission rate: a stay's length and the window. */
const EARLIER_STAYS_DAYS = 400;

const money = (fen: number | null): number | null => (fen === null ? null : fenToYuan(fen));

export async function indicatorsOf(
  db: Queryable,
  library: SupervisionLibrary,
  q: { institutionId: string | null; year: number; month: number },
): Promise<Indicators> {
  const first = `${String(q.year)}-${String(q.month).padStart(2, '0')}-01`;
  const last = supervisionAddDays(
    q.month === 12
      ? `${String(q.year + 1)}-01-01`
      : `${String(q.year)}-${String(q.month + 1).padStart(2, '0')}-01`,
    -1,
  );
  const settings = indicatorSettingsOn(library, first);
  if (settings === null)
    throw new Invalid(
      'month',
      'no_indicator_settings',
      `${first} 没有生效的监测指标设置（规则库 indicators）`,
    );
  const month = await settlementFactsOfPeriod(db, first, last, q.institutionId);
  const stayPersons = [
    ...new Set(
      month.filter((s) => s.visitKind === 'inpatient' || s.visitKind === 'family_bed').map((s) => s.personId),
    ),
  ];
  const earlier = await stayFactsOfPersons(
    db,
    stayPersons,
    supervisionAddDays(first, -EARLIER_STAYS_DAYS),
    last,
  );
  const seen = new Set(month.map((s) => s.id));
  // Earlier stays come after the month's in the list: their `order` is their own read's, so they
  // are renumbered past the month's to keep storage order unique.
  const all: IndicatorFact[] = [
    ...month,
    ...earlier.filter((s) => !seen.has(s.id)).map((s) => ({ ...s, order: month.length + s.order })),
  ];
  const m = monthIndicators(all, {
    year: q.year,
    month: q.month,
    institutionId: q.institutionId,
    readmissionWithinDays: settings.readmissionWithinDays,
  });
  return {
    institutionId: q.institutionId,
    year: q.year,
    month: q.month,
    outpatient: {
      ...m.outpatient,
      totalCost: fenToYuan(m.outpatient.totalCost),
      fundPay: fenToYuan(m.outpatient.fundPay),
      costPerVisit: money(m.outpatient.costPerVisit),
    },
    inpatient: {
      ...m.inpatient,
      totalCost: fenToYuan(m.inpatient.totalCost),
      fundPay: fenToYuan(m.inpatient.fundPay),
      costPerStay: money(m.inpatient.costPerStay),
    },
    ...(m.primaryShare === undefined ? {} : { primaryShare: m.primaryShare }),
  };
}
