// Step 3 — the referral gate (R-D3, 基层首诊转诊): a base rule with named exceptions, declared as data
// below (REFERRAL_GATE): emergencies, TCM-department outpatient at a TCM hospital (R-D5), and the
// filed referral from a primary institution that opens the gate.
import type { GroupBenefits } from '../policy-compiler/types.js';
import type { VisitInput } from '../request/visit.js';
import type { Cite } from '../rules/citations.js';
import { decide, ruleWithExceptions } from '../rules/exceptions.js';
import { LEVEL_NAME, type Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

/** 非基层门诊须经基层转诊, except …: the outcome is whether the fund refuses the visit. */
export const REFERRAL_GATE = ruleWithExceptions<VisitInput, 'refuse' | 'pay'>({
  rule: 'R-D3',
  clause: '非基层门诊须经基层转诊',
  outcome: 'refuse',
  exceptions: [
    {
      name: 'emergency', // 急诊
      rule: 'R-D3',
      clause: '急诊不受转诊限制',
      outcome: 'pay',
      applies: ({ visit }) =>
        visit.kind === 'emergency' ||
        `本次为${visit.kind === 'outpatient' ? '普通门诊' : '按普通门诊支付的门诊'}`,
    },
    {
      name: 'tcmDepartment', // 中医医院中医科
      rule: 'R-D5',
      clause: '中医医院中医门诊免转诊',
      outcome: 'pay',
      applies: ({ visit, institution }) =>
        (visit.department === 'tcm' && institution.type === 'tcm_hospital') ||
        (institution.type === 'tcm_hospital' ? '本次非中医科门诊' : '本机构不是中医医院'),
    },
    {
      name: 'primaryReferral', // 基层转诊
      rule: 'R-D3',
      clause: '持基层医疗机构已备案的转诊单',
      outcome: 'pay',
      // Not traced on its own when it fails: the refusal sentence says why the referral does not count.
      applies: ({ visit: { referral: r } }) => (r !== null && r.filed && r.fromLevel === 'primary') || null,
    },
  ],
});

/** True when the gate refuses the visit: the fund pays nothing from general outpatient pooling. */
export function referralGateRefuses(
  input: VisitInput,
  decision: BenefitDecision,
  params: GroupBenefits,
  cite: Cite,
  inScope: number,
  trace: Trace,
): boolean {
  const { visit } = input;
  if (decision.group !== 'general_outpatient' || visit.kind === 'pharmacy') return false;
  const level = decision.level;
  if (level === null || level === 'primary') return false;
  const gate = params.generalOutpatient.referralGate;
  const gateParam = cite.group('generalOutpatient.referralGate', 'boolean', gate);
  if (!gate) {
    trace
      .citing(gateParam)
      .notApplied(REFERRAL_GATE.rule, REFERRAL_GATE.clause, '本参保人所属险种不设门诊转诊限制');
    return false;
  }
  const here = `${LEVEL_NAME[level]}医疗机构`;
  const { by } = decide(REFERRAL_GATE, input, trace);
  switch (by?.name) {
    case 'emergency':
      trace.applied('R-D3', `急诊不受转诊限制，在${here}按本级普通门诊待遇支付`);
      return false;
    case 'tcmDepartment':
      trace.applied(
        'R-D5',
        `中医医院中医科门诊视同基层首诊，不受转诊限制，按本院等级（${LEVEL_NAME[level]}）支付`,
      );
      return false;
    case 'primaryReferral':
      trace.citing(gateParam).applied('R-D3', `持基层医疗机构已备案的转诊单在${here}就诊，门诊统筹予以支付`);
      return false;
    case undefined: // no exception applies: the base rule refuses, saying why the referral does not count
      break;
  }
  const r = visit.referral;
  const why = !r
    ? '无基层医疗机构转诊'
    : !r.filed
      ? '转诊未备案，视同无转诊'
      : `转诊来自${LEVEL_NAME[r.fromLevel]}医疗机构，不是基层医疗机构`;
  trace
    .citing(gateParam)
    .applied(
      'R-D3',
      `在${here}普通门诊${why}，门诊统筹不予支付，政策范围内费用由个人负担，不计起付线`,
      inScope,
    );
  return true;
}
