// Step 4 — the deductible (起付线) of the benefit group, against its accumulator or per stay,
// with the linked referral deductible (R-D6).
import { formatYuan } from '../money.js';
import type { GroupBenefits } from '../policy-compiler/types.js';
import type { VisitInput } from '../request/visit.js';
import type { Cite } from '../rules/citations.js';
import { decide, ruleWithExceptions } from '../rules/exceptions.js';
import { LEVEL_NAME, type Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

/**
 * Every stay pays its own deductible (住院每次起付线, R-D1), except a stay reached by a filed referral
 * within the city from a stay that already paid one (R-D6): that is deducted.
 */
export const STAY_DEDUCTIBLE = ruleWithExceptions<VisitInput['visit'], 'perStay' | 'linked'>({
  rule: 'R-D1',
  clause: '住院每次起付线',
  outcome: 'perStay',
  exceptions: [
    {
      name: 'linkedReferral', // 转诊前后两次住院
      rule: 'R-D6',
      clause: '转诊前后两次住院只付一次起付线',
      outcome: 'linked',
      applies: ({ referral: r, scope }) => {
        if (r === null || r.linkedDeductiblePaid <= 0) return null;
        if (!r.filed) return '转诊未备案';
        return scope !== 'out_of_city' || '市外就医不适用';
      },
    },
  ],
});

/** The deductible this visit takes, in fen (never more than the in-scope amount). */
export function takeDeductible(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
  cite: Cite,
  inScope: number,
  trace: Trace,
): number {
  const { ytd, visit } = input;
  const level = decision.level;
  switch (decision.group) {
    case 'none':
      return 0;
    case 'chronic_outpatient':
      trace.applied('R-D4', '门诊慢性病不设起付线');
      return 0;
    case 'general_outpatient': {
      if (level === null) return 0;
      const yearly = params.generalOutpatient.deductible[level];
      const cited = cite.group('generalOutpatient.deductible', 'yuan', yearly, level);
      if (yearly === 0) {
        trace
          .citing(cited)
          .applied(
            level === 'primary' ? 'R-H3' : 'R-D2',
            `${LEVEL_NAME[level]}医疗机构普通门诊统筹不设起付线`,
          );
        return 0;
      }
      const remaining = Math.max(0, yearly - ytd.outpatientDeductiblePaid);
      const taken = Math.min(inScope, remaining);
      trace
        .citing(cited)
        .applied(
          'R-D2',
          `普通门诊年度起付线${formatYuan(yearly)}，本年已累计${formatYuan(ytd.outpatientDeductiblePaid)}，本次计入起付线${formatYuan(taken)}`,
          taken,
        );
      return taken;
    }
    case 'special_outpatient': {
      const yearly = params.specialOutpatient.deductible;
      const remaining = Math.max(0, yearly - ytd.specialDeductiblePaid);
      const taken = Math.min(inScope, remaining);
      trace
        .citing(cite.group('specialOutpatient.deductible', 'yuan', yearly))
        .applied(
          'R-D7',
          `门诊特殊病种年度起付线${formatYuan(yearly)}，本年已累计${formatYuan(ytd.specialDeductiblePaid)}，本次计入起付线${formatYuan(taken)}`,
          taken,
        );
      return taken;
    }
    case 'inpatient':
    case 'family_bed': {
      if (level === null) return 0;
      const isBed = decision.group === 'family_bed';
      let perStay = isBed ? params.familyBed.deductible : params.inpatient.deductible[level];
      const cited = isBed
        ? cite.group('familyBed.deductible', 'yuan', perStay)
        : cite.group('inpatient.deductible', 'yuan', perStay, level);
      trace
        .citing(cited)
        .applied(
          isBed ? 'R-C4' : 'R-D1',
          `${isBed ? '家庭病床' : `${LEVEL_NAME[level]}医疗机构住院`}每次起付线${formatYuan(perStay)}`,
          perStay,
        );
      if (decide(STAY_DEDUCTIBLE, visit, trace).outcome === 'linked') {
        const linked = visit.referral?.linkedDeductiblePaid ?? 0;
        const reduced = Math.max(0, perStay - linked);
        trace
          .citing(cited)
          .applied(
            'R-D6',
            `市内转诊住院，前次住院已付起付线${formatYuan(linked)}，本次起付线减为${formatYuan(reduced)}`,
            reduced - perStay,
          );
        perStay = reduced;
      }
      const taken = Math.min(inScope, perStay);
      if (taken < perStay)
        trace
          .citing(cited)
          .applied('R-D1', `政策范围内费用不足起付线，本次计入起付线${formatYuan(taken)}`, taken);
      return taken;
    }
  }
}
