// Step 4 — the deductible (起付线) of the benefit group, against its accumulator or per stay,
// with the linked referral deductible (R-D6).
import { formatYuan } from '../money.js';
import type { GroupBenefits } from '../policy/types.js';
import type { VisitInput } from '../request/visit.js';
import { LEVEL_NAME, type Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

/** The deductible this visit takes, in fen (never more than the in-scope amount). */
export function takeDeductible(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
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
      if (yearly === 0) {
        trace.applied(
          level === 'primary' ? 'R-H3' : 'R-D2',
          `${LEVEL_NAME[level]}医疗机构普通门诊统筹不设起付线`,
        );
        return 0;
      }
      const remaining = Math.max(0, yearly - ytd.outpatientDeductiblePaid);
      const taken = Math.min(inScope, remaining);
      trace.applied(
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
      trace.applied(
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
      trace.applied(
        isBed ? 'R-C4' : 'R-D1',
        `${isBed ? '家庭病床' : `${LEVEL_NAME[level]}医疗机构住院`}每次起付线${formatYuan(perStay)}`,
        perStay,
      );
      const r = visit.referral;
      const exception = '转诊前后两次住院只付一次起付线';
      if (r && r.filed && visit.scope !== 'out_of_city' && r.linkedDeductiblePaid > 0) {
        const reduced = Math.max(0, perStay - r.linkedDeductiblePaid);
        trace.applied(
          'R-D6',
          `市内转诊住院，前次住院已付起付线${formatYuan(r.linkedDeductiblePaid)}，本次起付线减为${formatYuan(reduced)}`,
          reduced - perStay,
        );
        perStay = reduced;
      } else if (r && r.linkedDeductiblePaid > 0) {
        trace.notApplied('R-D6', exception, !r.filed ? '转诊未备案' : '市外就医不适用');
      }
      const taken = Math.min(inScope, perStay);
      if (taken < perStay)
        trace.applied('R-D1', `政策范围内费用不足起付线，本次计入起付线${formatYuan(taken)}`, taken);
      return taken;
    }
  }
}
