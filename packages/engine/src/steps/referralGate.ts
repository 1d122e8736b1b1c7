// Step 3 — the referral gate (R-D3) with its exemptions: emergencies, and TCM-department outpatient
// at a TCM hospital (R-D5). Modelled as a base rule with named exceptions, not first-match.
import type { PolicySegment } from '../policy/types.js';
import type { VisitInput } from '../request/visit.js';
import { LEVEL_NAME, type Trace } from '../trace.js';
import type { BenefitDecision } from './benefitGroup.js';

/** True when the gate refuses the visit: the fund pays nothing from general outpatient pooling. */
export function referralGateRefuses(
  input: VisitInput,
  decision: BenefitDecision,
  segment: PolicySegment,
  inScope: number,
  trace: Trace,
): boolean {
  const { visit, institution } = input;
  if (decision.group !== 'general_outpatient' || visit.kind === 'pharmacy') return false;
  const level = decision.level;
  if (level === null || level === 'primary') return false;
  const params = segment.groups.get(`${input.person.scheme}/${input.person.category}`);
  if (!params?.generalOutpatient.referralGate) {
    trace.notApplied('R-D3', '非基层门诊须经基层转诊', '本参保人所属险种不设门诊转诊限制');
    return false;
  }
  const here = `${LEVEL_NAME[level]}医疗机构`;
  if (visit.kind === 'emergency') {
    trace.applied('R-D3', `急诊不受转诊限制，在${here}按本级普通门诊待遇支付`);
    return false;
  }
  trace.notApplied(
    'R-D3',
    '急诊不受转诊限制',
    `本次为${visit.kind === 'outpatient' ? '普通门诊' : '按普通门诊支付的门诊'}`,
  );
  if (visit.department === 'tcm' && institution.type === 'tcm_hospital') {
    trace.applied(
      'R-D5',
      `中医医院中医科门诊视同基层首诊，不受转诊限制，按本院等级（${LEVEL_NAME[level]}）支付`,
    );
    return false;
  }
  trace.notApplied(
    'R-D5',
    '中医医院中医门诊免转诊',
    institution.type === 'tcm_hospital' ? '本次非中医科门诊' : '本机构不是中医医院',
  );
  const r = visit.referral;
  if (r && r.filed && r.fromLevel === 'primary') {
    trace.applied('R-D3', `持基层医疗机构已备案的转诊单在${here}就诊，门诊统筹予以支付`);
    return false;
  }
  const why = !r
    ? '无基层医疗机构转诊'
    : !r.filed
      ? '转诊未备案，视同无转诊'
      : `转诊来自${LEVEL_NAME[r.fromLevel]}医疗机构，不是基层医疗机构`;
  trace.applied(
    'R-D3',
    `在${here}普通门诊${why}，门诊统筹不予支付，政策范围内费用由个人负担，不计起付线`,
    inScope,
  );
  return true;
}
