// The wire vocabulary (取值表) as runtime values, safe for the browser: no schema library, no
// Node. The console imports `@yibao/api/constants`; the engine owns the calculation's words.
export {
  ACCUMULATOR_NAMES,
  DIRECTIONS,
  INSTITUTION_TYPES,
  ITEM_CLASSES,
  ITEM_KINDS,
  LEVELS,
  SCHEMES,
  SCOPES,
  SEXES,
  VISIT_KINDS,
} from '@yibao/engine/contract';
export type {
  AccumulatorName,
  Direction,
  InstitutionType,
  ItemClass,
  ItemKind,
  Level,
  Scheme,
  Scope,
  Sex,
  VisitKind,
} from '@yibao/engine/contract';

/** 人员类别 by 险种: a category outside its scheme is refused at registration. */
export const CATEGORIES = {
  resident: ['adult', 'minor', 'elderly'], // 城乡居民: 成年 | 未成年 | 老年
  employee: ['in_service', 'retired'], // 城镇职工: 在职 | 退休
} as const satisfies Record<'resident' | 'employee', readonly string[]>;
export const PERSON_CATEGORIES = [...CATEGORIES.resident, ...CATEGORIES.employee] as const;

/** The amounts of a result (结算金额项), yuan on the wire. */
export const AMOUNT_NAMES = [
  'totalCost', // 医疗费总额
  'fullSelfPay', // 全自费
  'overLimitSelfPay', // 超限价自付
  'firstSelfPay', // 先行自付
  'inScope', // 政策范围内费用
  'deductible', // 起付线
  'fundPay', // 统筹基金支付
  'pooledSelfPay', // 统筹段个人自付
  'overCap', // 超封顶
  'institutionBorne', // 机构承担
  'personalPart', // 个人负担
  'accountPay', // 个人账户支付
  'cashPay', // 现金支付
] as const;
export type AmountName = (typeof AMOUNT_NAMES)[number];

/** 结算列表排序: a leading '-' is newest / largest first. */
export const SETTLEMENT_SORTS = [
  '-date',
  'date',
  '-totalCost',
  'totalCost',
  '-fundPay',
  'fundPay',
  'createdAt',
  '-createdAt',
] as const;
export type SettlementSort = (typeof SETTLEMENT_SORTS)[number];

/** At most this many rows a page of a list call (分页上限). */
export const MAX_PAGE_SIZE = 500;

/**
 * 角色: what an officer's account may do (least privilege, issue 13). An account holds one or
 * more; `institution_user` is bound to one institution. The server's access/permissions.ts says
 * what each role may do; the console shows the Chinese names.
 */
export const ROLES = [
  'officer', // 经办员: registry writes, settlement reads
  'reviewer', // 审核员: designation review, alert review, assessment
  'finance', // 基金财务: payment runs and their release
  'auditor', // 稽核: reads everything, changes nothing, sees the audit log
  'admin', // 管理员: accounts, roles, credentials, catalogue and policy releases
  'analyst', // 政策分析: simulation, de-identified data only
  'institution_user', // 机构用户: one institution's own settlements, statements, alerts and appeals
] as const;
export type Role = (typeof ROLES)[number];
