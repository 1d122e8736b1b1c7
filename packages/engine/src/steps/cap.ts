// Step 6 — the yearly cap (年度最高支付限额) of the pool: the fund never pays past it (R-D2, R-D4, R-D7).
import type { Accumulators, TraceParam } from '../contract.js';
import { formatYuan } from '../money.js';
import type { GroupBenefits } from '../policy-compiler/types.js';
import type { VisitInput } from '../request/visit.js';
import type { Cite } from '../rules/citations.js';
import { decide, ruleWithExceptions } from '../rules/exceptions.js';
import type { Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

interface OutpatientCapCase {
  person: VisitInput['person'];
  capRaised: number | null; // the raised cap where the group's policy has one
}

/**
 * The general outpatient yearly cap (R-D2), except a person with a certified chronic disease and a
 * family-doctor contract, where the policy raises it (R-D4).
 */
export const OUTPATIENT_CAP = ruleWithExceptions<OutpatientCapCase, 'cap' | 'raised'>({
  rule: 'R-D2',
  clause: '普通门诊年度最高支付限额',
  outcome: 'cap',
  exceptions: [
    {
      name: 'chronicWithFamilyDoctor', // 慢性病签约家庭医生
      rule: 'R-D4',
      clause: '慢性病签约家庭医生提高门诊限额',
      outcome: 'raised',
      applies: ({ person, capRaised }) => {
        if (capRaised === null) return null;
        if (person.chronicDiseases.length === 0) return '参保人无已认定慢性病';
        return person.familyDoctorContract || '参保人未签约家庭医生';
      },
    },
  ],
});

interface CapRule {
  cap: number;
  paid: number;
  rule: string;
  pool: string;
  cited: TraceParam; // the cap parameter
}

function capFor(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
  cite: Cite,
  ytd: Accumulators,
  trace: Trace,
): CapRule | null {
  switch (decision.group) {
    case 'none':
      return null;
    case 'general_outpatient': {
      const g = params.generalOutpatient;
      const paid = ytd.outpatientFundPaid;
      const pool = '普通门诊统筹';
      if (
        decide(OUTPATIENT_CAP, { person: input.person, capRaised: g.capRaised }, trace).outcome === 'raised'
      ) {
        const raised = g.capRaised ?? g.cap;
        const cited = cite.group('generalOutpatient.capRaised', 'yuan', raised);
        trace
          .citing(cited)
          .applied('R-D4', `参保人已认定慢性病并签约家庭医生，普通门诊年度限额提高至${formatYuan(raised)}`);
        return { cap: raised, paid, rule: 'R-D4', pool, cited };
      }
      return {
        cap: g.cap,
        paid,
        rule: 'R-D2',
        pool,
        cited: cite.group('generalOutpatient.cap', 'yuan', g.cap),
      };
    }
    case 'chronic_outpatient':
      return {
        cap: params.chronicOutpatient.cap,
        paid: ytd.chronicFundPaid,
        rule: 'R-C10',
        pool: '门诊慢性病',
        cited: cite.group('chronicOutpatient.cap', 'yuan', params.chronicOutpatient.cap),
      };
    case 'special_outpatient':
    case 'inpatient':
    case 'family_bed':
      return {
        cap: params.inpatient.cap,
        paid: ytd.inpatientFundPaid,
        rule: 'R-D7',
        pool: '住院及门诊特殊病种',
        cited: cite.group('inpatient.cap', 'yuan', params.inpatient.cap),
      };
  }
}

/** The fund payment after the cap, in fen; the rest of `computed` is over-cap (超限额). */
export function applyCap(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
  cite: Cite,
  computed: number,
  trace: Trace,
): number {
  const c = capFor(input, decision, params, cite, input.ytd, trace);
  if (c === null) return 0;
  const room = Math.max(0, c.cap - c.paid);
  const fundPay = Math.min(computed, room);
  if (fundPay < computed) {
    trace
      .citing(c.cited)
      .applied(
        c.rule,
        `${c.pool}年度限额${formatYuan(c.cap)}，本年已支付${formatYuan(c.paid)}，剩余${formatYuan(room)}；本次应付${formatYuan(computed)}，基金支付${formatYuan(fundPay)}，超限额${formatYuan(computed - fundPay)}由个人负担`,
        computed - fundPay,
      );
  } else {
    trace
      .citing(c.cited)
      .applied(
        c.rule,
        `${c.pool}年度限额${formatYuan(c.cap)}，本年已支付${formatYuan(c.paid)}，本次基金支付${formatYuan(fundPay)}未超限额`,
        fundPay,
      );
  }
  return fundPay;
}
