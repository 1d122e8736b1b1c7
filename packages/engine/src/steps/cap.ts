// Step 6 — the yearly cap (年度最高支付限额) of the pool: the fund never pays past it (R-D2, R-D4, R-D7).
import type { Accumulators } from '../contract.js';
import { formatYuan } from '../money.js';
import type { GroupBenefits } from '../policy/types.js';
import type { VisitInput } from '../request/visit.js';
import type { Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

interface CapRule {
  cap: number;
  paid: number;
  rule: string;
  pool: string;
}

function capFor(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
  ytd: Accumulators,
  trace: Trace,
): CapRule | null {
  switch (decision.group) {
    case 'none':
      return null;
    case 'general_outpatient': {
      const g = params.generalOutpatient;
      const p = input.person;
      const qualifies = p.chronicDiseases.length > 0 && p.familyDoctorContract;
      if (g.capRaised !== null) {
        if (qualifies) {
          trace.applied(
            'R-D4',
            `参保人已认定慢性病并签约家庭医生，普通门诊年度限额提高至${formatYuan(g.capRaised)}`,
          );
          return { cap: g.capRaised, paid: ytd.outpatientFundPaid, rule: 'R-D4', pool: '普通门诊统筹' };
        }
        trace.notApplied(
          'R-D4',
          '慢性病签约家庭医生提高门诊限额',
          p.chronicDiseases.length === 0 ? '参保人无已认定慢性病' : '参保人未签约家庭医生',
        );
      }
      return { cap: g.cap, paid: ytd.outpatientFundPaid, rule: 'R-D2', pool: '普通门诊统筹' };
    }
    case 'chronic_outpatient':
      return {
        cap: params.chronicOutpatient.cap,
        paid: ytd.chronicFundPaid,
        rule: 'R-C10',
        pool: '门诊慢性病',
      };
    case 'special_outpatient':
    case 'inpatient':
    case 'family_bed':
      return {
        cap: params.inpatient.cap,
        paid: ytd.inpatientFundPaid,
        rule: 'R-D7',
        pool: '住院及门诊特殊病种',
      };
  }
}

/** The fund payment after the cap, in fen; the rest of `computed` is over-cap (超限额). */
export function applyCap(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
  computed: number,
  trace: Trace,
): number {
  const c = capFor(input, decision, params, input.ytd, trace);
  if (c === null) return 0;
  const room = Math.max(0, c.cap - c.paid);
  const fundPay = Math.min(computed, room);
  if (fundPay < computed) {
    trace.applied(
      c.rule,
      `${c.pool}年度限额${formatYuan(c.cap)}，本年已支付${formatYuan(c.paid)}，剩余${formatYuan(room)}；本次应付${formatYuan(computed)}，基金支付${formatYuan(fundPay)}，超限额${formatYuan(computed - fundPay)}由个人负担`,
      computed - fundPay,
    );
  } else {
    trace.applied(
      c.rule,
      `${c.pool}年度限额${formatYuan(c.cap)}，本年已支付${formatYuan(c.paid)}，本次基金支付${formatYuan(fundPay)}未超限额`,
      fundPay,
    );
  }
  return fundPay;
}
