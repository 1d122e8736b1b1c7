// The designation criteria checklist (定点条件, R-A2): recorded item by item on every application.
// The checklist's words are the contract's (@yibao/api); their names for an officer are here.
import { CRITERIA, type Criterion } from '@yibao/api';

export { CRITERIA, type Criterion };

export const CRITERION_NAMES: Readonly<Record<Criterion, string>> = {
  local_plan: '符合区域卫生规划',
  staff_and_facilities: '人员、设施达到标准',
  service_scope: '服务范围和药品范围明确',
  price_rules: '执行价格规定',
  finance_separation: '公共卫生与医疗收支分开核算',
  staff_trained: '工作人员经医保政策培训',
  it_settlement: '具备联网实时结算的信息化条件',
};

export interface CriterionCheck {
  item: Criterion;
  met: boolean;
  evidence: string;
}

/** The items not met, in checklist order. */
export function unmet(checks: readonly CriterionCheck[]): Criterion[] {
  return CRITERIA.filter((c) => !checks.some((k) => k.item === c && k.met));
}
