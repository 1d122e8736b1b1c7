// Step 5 — the fund's computed share of the pool base: the rate of the group and level, the primary
// tier (R-D2), tuberculosis (R-D4), and the inpatient adjustments (R-D6, R-B5), clamped to 0–100.
import { LEVELS } from '../contract.js';
import type { Level } from '../contract.js';
import { applyPercent, formatYuan } from '../money.js';
import type { GroupBenefits, PolicySegment } from '../policy/types.js';
import type { VisitInput } from '../request/visit.js';
import { LEVEL_NAME, type Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

export interface RateOutcome {
  rate: number; // the reported rate: the one applied to the first fen of the pool base
  computed: number; // fen, pool base × rate(s), each part rounded on its own
}

function generalOutpatient(
  input: VisitInput,
  params: GroupBenefits,
  base: number,
  decision: BenefitDecision,
  trace: Trace,
): RateOutcome {
  const level = decision.level ?? 'primary';
  const g = params.generalOutpatient;
  const baseRate = g.rate[level];
  const tierRate = g.tierRate[level];
  const ytd = input.ytd.outpatientInScope;
  if (tierRate === undefined || g.tierThreshold === null) {
    const computed = applyPercent(base, baseRate);
    trace.applied(
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
  trace.applied(
    'R-D2',
    `${LEVEL_NAME[level]}普通门诊：本年累计政策范围内费用${formatYuan(ytd)}，分段线${formatYuan(g.tierThreshold)}；` +
      `${formatYuan(below)} × ${baseRate}% = ${formatYuan(partBelow)}，超过分段线部分 ${formatYuan(above)} × ${tierRate}% = ${formatYuan(partAbove)}`,
    partBelow + partAbove,
  );
  return { rate: ytd >= g.tierThreshold ? tierRate : baseRate, computed: partBelow + partAbove };
}

function inpatientRate(
  input: VisitInput,
  segment: PolicySegment,
  params: GroupBenefits,
  decision: BenefitDecision,
  trace: Trace,
): number {
  const isBed = decision.group === 'family_bed';
  const level = isBed ? 'primary' : (decision.level ?? 'primary');
  const base = params.inpatient.rate[level];
  trace.applied(
    isBed ? 'R-C4' : 'R-D1',
    `${isBed ? '家庭病床按基层住院' : `${LEVEL_NAME[level]}医疗机构住院`}支付比例${base}%`,
  );
  const adj = segment.region.inpatientAdjustment;
  const r = input.visit.referral;
  const filed = r !== null && r.filed;
  let rate = base;
  const add = (rule: string, points: number, why: string): void => {
    rate += points;
    trace.applied(rule, `${why}，支付比例${points >= 0 ? '+' : ''}${points}个百分点`);
  };
  if (filed && r.direction === 'down') add('R-D6', adj.downwardReferral, '向下转诊（上级转下级）住院');
  else if (r && r.direction === 'down') trace.notApplied('R-D6', '向下转诊增加支付比例', '转诊未备案');
  switch (input.visit.scope) {
    case 'in_county':
      break;
    case 'cross_county':
      if (filed) trace.notApplied('R-D6', '市内跨县就医未转诊降低比例', '已办理备案转诊');
      else add('R-D6', adj.crossCountyWithoutReferral, '市内跨县住院未办理转诊');
      break;
    case 'out_of_city':
      if (input.person.relocated) {
        trace.applied('R-B5', '异地安置已备案，市外就医享受参保地待遇，不降低支付比例');
        if (adj.outOfCityRelocated !== 0) add('R-B5', adj.outOfCityRelocated, '异地安置人员市外住院');
      } else if (filed) {
        trace.notApplied('R-B5', '异地安置人员不降低比例', '参保人未办理异地安置备案');
        add('R-D6', adj.outOfCityWithReferral, '市外住院已办理转诊备案');
      } else {
        trace.notApplied('R-B5', '异地安置人员不降低比例', '参保人未办理异地安置备案');
        add('R-D6', adj.outOfCityWithoutReferral, '市外住院未按规定转诊');
      }
      break;
  }
  const clamped = Math.min(100, Math.max(0, rate));
  if (clamped !== rate) trace.applied('R-D6', `调整后比例${rate}%超出0–100%，按${clamped}%执行`);
  return clamped;
}

/** R-D4: tuberculosis has its own chronic rate where the policy gives one for the level. */
function tuberculosisRate(params: GroupBenefits, level: Level, trace: Trace): number {
  const byLevel = params.chronicOutpatient.tuberculosisRate;
  const tb = byLevel[level];
  if (tb !== undefined) {
    trace.applied('R-D4', `结核病门诊在${LEVEL_NAME[level]}医疗机构支付比例${tb}%`);
    return tb;
  }
  const levels = LEVELS.filter((l) => byLevel[l] !== undefined).map((l) => LEVEL_NAME[l]);
  const why = levels.length === 0 ? '本参保人所属险种不设结核病提高比例' : `仅限${levels.join('、')}医疗机构`;
  trace.notApplied('R-D4', '结核病门诊提高支付比例', why);
  return params.chronicOutpatient.rate[level];
}

export function computeFund(
  input: VisitInput,
  segment: PolicySegment,
  params: GroupBenefits,
  decision: BenefitDecision,
  base: number,
  trace: Trace,
): RateOutcome {
  const level = decision.level;
  switch (decision.group) {
    case 'none':
      return { rate: 0, computed: 0 };
    case 'general_outpatient':
      return generalOutpatient(input, params, base, decision, trace);
    case 'chronic_outpatient': {
      const lv = level ?? 'primary';
      const rate = decision.tuberculosis
        ? tuberculosisRate(params, lv, trace)
        : params.chronicOutpatient.rate[lv];
      const computed = applyPercent(base, rate);
      trace.applied(
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
      trace.applied(
        'R-D7',
        `门诊特殊病种参照住院，${LEVEL_NAME[lv]}医疗机构支付比例${rate}%（不适用住院调整）：${formatYuan(base)} × ${rate}% = ${formatYuan(computed)}`,
        computed,
      );
      return { rate, computed };
    }
    case 'inpatient':
    case 'family_bed': {
      const rate = inpatientRate(input, segment, params, decision, trace);
      const computed = applyPercent(base, rate);
      trace.applied(
        'R-D1',
        `住院统筹支付：${formatYuan(base)} × ${rate}% = ${formatYuan(computed)}`,
        computed,
      );
      return { rate, computed };
    }
  }
}
