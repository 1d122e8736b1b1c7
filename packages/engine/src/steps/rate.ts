// Step 5 — the fund's computed share of the pool base: the rate of the group and level, the primary
// tier (R-D2), tuberculosis (R-D4), and the inpatient adjustments (R-D6, R-B5), clamped to 0–100.
// The adjustments with exceptions are declared as data next to their base rule (CROSS_COUNTY_STAY,
// OUT_OF_CITY_STAY, CHRONIC_RATE).
import { LEVELS } from '../contract.js';
import type { Level, TraceParam } from '../contract.js';
import { applyPercent, formatYuan } from '../money.js';
import type { GroupBenefits, PolicySegment } from '../policy-compiler/types.js';
import type { VisitInput } from '../request/visit.js';
import type { Cite } from '../rules/citations.js';
import { decide, ruleWithExceptions } from '../rules/exceptions.js';
import { LEVEL_NAME, type Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

export interface RateOutcome {
  rate: number; // the reported rate: the one applied to the first fen of the pool base
  computed: number; // fen, pool base × rate(s), each part rounded on its own
}

interface StayCase {
  relocated: boolean; // 异地安置已备案
  filed: boolean; // a filed referral (an unfiled one is as none)
}

/** A stay in another county of the city without referral is paid less (R-D6), except with a filed referral. */
export const CROSS_COUNTY_STAY = ruleWithExceptions<StayCase, 'lower' | 'keep'>({
  rule: 'R-D6',
  clause: '市内跨县就医未转诊降低比例',
  outcome: 'lower',
  exceptions: [
    {
      name: 'filedReferral', // 已备案转诊
      rule: 'R-D6',
      clause: '已办理备案转诊',
      outcome: 'keep',
      applies: ({ filed }) => filed || null,
    },
  ],
});

/**
 * A stay outside the city without referral is paid least (R-D6); with a filed referral, less; a
 * relocated person (异地安置, R-B5) keeps the home rate whether referred or not — relocation overrides
 * the referral exception, so both holding is no conflict.
 */
export const OUT_OF_CITY_STAY = ruleWithExceptions<
  StayCase,
  'withoutReferral' | 'withReferral' | 'relocated'
>({
  rule: 'R-D6',
  clause: '市外住院未按规定转诊降低比例',
  outcome: 'withoutReferral',
  exceptions: [
    {
      name: 'relocated', // 异地安置
      rule: 'R-B5',
      clause: '异地安置人员不降低比例',
      outcome: 'relocated',
      overrides: ['filedReferral'],
      applies: ({ relocated }) => relocated || '参保人未办理异地安置备案',
    },
    {
      name: 'filedReferral', // 已备案转诊
      rule: 'R-D6',
      clause: '市外住院已办理转诊备案',
      outcome: 'withReferral',
      applies: ({ filed }) => filed || null,
    },
  ],
});

interface ChronicCase {
  tbRates: GroupBenefits['chronicOutpatient']['tuberculosisRate'];
  level: Level;
  tuberculosis: boolean; // the visit's diagnosis is tuberculosis (A15–A19)
}

/** The chronic rate of the level (R-D4), except tuberculosis where the policy gives it its own rate. */
export const CHRONIC_RATE = ruleWithExceptions<ChronicCase, 'chronic' | 'tuberculosis'>({
  rule: 'R-D4',
  clause: '门诊慢性病支付比例',
  outcome: 'chronic',
  exceptions: [
    {
      name: 'tuberculosis', // 结核病
      rule: 'R-D4',
      clause: '结核病门诊提高支付比例',
      outcome: 'tuberculosis',
      applies: ({ tbRates, level, tuberculosis }) => {
        if (!tuberculosis) return null;
        if (tbRates[level] !== undefined) return true;
        const levels = LEVELS.filter((l) => tbRates[l] !== undefined).map((l) => LEVEL_NAME[l]);
        return levels.length === 0
          ? '本参保人所属险种不设结核病提高比例'
          : `仅限${levels.join('、')}医疗机构`;
      },
    },
  ],
});

function generalOutpatient(
  input: VisitInput,
  params: GroupBenefits,
  cite: Cite,
  base: number,
  decision: BenefitDecision,
  trace: Trace,
): RateOutcome {
  const level = decision.level ?? 'primary';
  const g = params.generalOutpatient;
  const baseRate = g.rate[level];
  const tierRate = g.tierRate[level];
  const ytd = input.ytd.outpatientInScope;
  const rateParam = cite.group('generalOutpatient.rate', 'percent', baseRate, level);
  if (tierRate === undefined || g.tierThreshold === null) {
    const computed = applyPercent(base, baseRate);
    trace
      .citing(rateParam)
      .applied(
        'R-D2',
        `${LEVEL_NAME[level]}医疗机构普通门诊统筹支付比例${baseRate}%：${formatYuan(base)} × ${baseRate}% = ${formatYuan(computed)}`,
        computed,
      );
    return { rate: baseRate, computed };
  }
  const below = Math.min(base, Math.max(0, g.tierThreshold - ytd));
  const above = base - below;
  const partBelow = applyPercent(below, baseRate);
  const partAbove = applyPercent(above, tierRate);
  trace
    .citing(
      rateParam,
      cite.group('generalOutpatient.tierThreshold', 'yuan', g.tierThreshold),
      cite.group('generalOutpatient.tierRate', 'percent', tierRate, level),
    )
    .applied(
      'R-D2',
      `${LEVEL_NAME[level]}普通门诊：本年累计政策范围内费用${formatYuan(ytd)}，分段线${formatYuan(g.tierThreshold)}；` +
        `${formatYuan(below)} × ${baseRate}% = ${formatYuan(partBelow)}，超过分段线部分 ${formatYuan(above)} × ${tierRate}% = ${formatYuan(partAbove)}`,
      partBelow + partAbove,
    );
  return { rate: ytd >= g.tierThreshold ? tierRate : baseRate, computed: partBelow + partAbove };
}

/** The stay's rate after its adjustments, and every parameter that made it (for the payment event). */
function inpatientRate(
  input: VisitInput,
  segment: PolicySegment,
  params: GroupBenefits,
  cite: Cite,
  decision: BenefitDecision,
  trace: Trace,
): { rate: number; cited: TraceParam[] } {
  const isBed = decision.group === 'family_bed';
  const level = isBed ? 'primary' : (decision.level ?? 'primary');
  const base = params.inpatient.rate[level];
  const cited = [cite.group('inpatient.rate', 'percent', base, level)];
  trace
    .citing(...cited)
    .applied(
      isBed ? 'R-C4' : 'R-D1',
      `${isBed ? '家庭病床按基层住院' : `${LEVEL_NAME[level]}医疗机构住院`}支付比例${base}%`,
    );
  const adj = segment.region.inpatientAdjustment;
  const r = input.visit.referral;
  const filed = r !== null && r.filed;
  const stay: StayCase = { relocated: input.person.relocated, filed };
  let rate = base;
  const add = (rule: string, name: keyof typeof adj, why: string): void => {
    const points = adj[name];
    const p = cite.region(`inpatientAdjustment.${name}`, 'points', points);
    cited.push(p);
    rate += points;
    trace.citing(p).applied(rule, `${why}，支付比例${points >= 0 ? '+' : ''}${points}个百分点`);
  };
  if (filed && r.direction === 'down') add('R-D6', 'downwardReferral', '向下转诊（上级转下级）住院');
  else if (r && r.direction === 'down') trace.notApplied('R-D6', '向下转诊增加支付比例', '转诊未备案');
  switch (input.visit.scope) {
    case 'in_county':
      break;
    case 'cross_county':
      if (decide(CROSS_COUNTY_STAY, stay, trace).outcome === 'keep')
        trace.notApplied('R-D6', CROSS_COUNTY_STAY.clause, '已办理备案转诊');
      else add('R-D6', 'crossCountyWithoutReferral', '市内跨县住院未办理转诊');
      break;
    case 'out_of_city':
      switch (decide(OUT_OF_CITY_STAY, stay, trace).outcome) {
        case 'relocated': {
          const p = cite.region('inpatientAdjustment.outOfCityRelocated', 'points', adj.outOfCityRelocated);
          trace.citing(p).applied('R-B5', '异地安置已备案，市外就医享受参保地待遇，不降低支付比例');
          if (adj.outOfCityRelocated !== 0) add('R-B5', 'outOfCityRelocated', '异地安置人员市外住院');
          else cited.push(p); // add() cites it when it moves the rate
          break;
        }
        case 'withReferral':
          add('R-D6', 'outOfCityWithReferral', '市外住院已办理转诊备案');
          break;
        case 'withoutReferral':
          add('R-D6', 'outOfCityWithoutReferral', '市外住院未按规定转诊');
          break;
      }
      break;
  }
  const clamped = Math.min(100, Math.max(0, rate));
  if (clamped !== rate) trace.applied('R-D6', `调整后比例${rate}%超出0–100%，按${clamped}%执行`);
  return { rate: clamped, cited };
}

export function computeFund(
  input: VisitInput,
  segment: PolicySegment,
  params: GroupBenefits,
  cite: Cite,
  decision: BenefitDecision,
  base: number,
  trace: Trace,
): RateOutcome {
  const level = decision.level;
  switch (decision.group) {
    case 'none':
      return { rate: 0, computed: 0 };
    case 'general_outpatient':
      return generalOutpatient(input, params, cite, base, decision, trace);
    case 'chronic_outpatient': {
      const lv = level ?? 'primary';
      const c = params.chronicOutpatient;
      // What the tuberculosis exception reads: the region's TB codes and the group's TB rates by level.
      const tbCodes = decision.tuberculosis
        ? [cite.region('diseases.tuberculosis', 'codes', segment.region.tuberculosisCodes)]
        : [];
      const tbCited = decision.tuberculosis
        ? [
            ...tbCodes,
            ...cite.optionalGroup('chronicOutpatient.tuberculosisRate', 'percent', c.tuberculosisRate),
          ]
        : [];
      const chronic: ChronicCase = {
        tbRates: c.tuberculosisRate,
        level: lv,
        tuberculosis: decision.tuberculosis,
      };
      let rate: number;
      let rateParams: TraceParam[];
      if (
        decide(CHRONIC_RATE, chronic, trace, { cited: { tuberculosis: tbCited } }).outcome === 'tuberculosis'
      ) {
        rate = c.tuberculosisRate[lv] ?? c.rate[lv];
        rateParams = [cite.group('chronicOutpatient.tuberculosisRate', 'percent', rate, lv), ...tbCodes];
        trace.citing(...rateParams).applied('R-D4', `结核病门诊在${LEVEL_NAME[lv]}医疗机构支付比例${rate}%`);
      } else {
        rate = c.rate[lv];
        rateParams = [cite.group('chronicOutpatient.rate', 'percent', rate, lv)];
      }
      const computed = applyPercent(base, rate);
      trace
        .citing(...rateParams)
        .applied(
          'R-D4',
          `门诊慢性病在${LEVEL_NAME[lv]}医疗机构支付比例${rate}%：${formatYuan(base)} × ${rate}% = ${formatYuan(computed)}`,
          computed,
        );
      return { rate, computed };
    }
    case 'special_outpatient': {
      const lv = level ?? 'primary';
      const rate = params.inpatient.rate[lv];
      const computed = applyPercent(base, rate);
      trace
        .citing(cite.group('inpatient.rate', 'percent', rate, lv))
        .applied(
          'R-D7',
          `门诊特殊病种参照住院，${LEVEL_NAME[lv]}医疗机构支付比例${rate}%（不适用住院调整）：${formatYuan(base)} × ${rate}% = ${formatYuan(computed)}`,
          computed,
        );
      return { rate, computed };
    }
    case 'inpatient':
    case 'family_bed': {
      const { rate, cited } = inpatientRate(input, segment, params, cite, decision, trace);
      const computed = applyPercent(base, rate);
      trace
        .citing(...cited)
        .applied('R-D1', `住院统筹支付：${formatYuan(base)} × ${rate}% = ${formatYuan(computed)}`, computed);
      return { rate, computed };
    }
  }
}
