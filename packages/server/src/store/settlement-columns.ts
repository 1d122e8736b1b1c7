// The settlement's amount names (CALC_CONTRACT.md) with their storage columns, in one list so the
// writes, the negation of a reversal and the reconciliation sums cannot drift apart.
export const AMOUNT_COLUMNS = [
  ['totalCost', 'total_cost_fen'], // 医疗费总额
  ['fullSelfPay', 'full_self_pay_fen'], // 全自费
  ['overLimitSelfPay', 'over_limit_self_pay_fen'], // 超限价自付
  ['firstSelfPay', 'first_self_pay_fen'], // 先行自付
  ['inScope', 'in_scope_fen'], // 政策范围内费用
  ['deductible', 'deductible_fen'], // 起付线
  ['fundPay', 'fund_pay_fen'], // 统筹基金支付
  ['pooledSelfPay', 'pooled_self_pay_fen'], // 统筹内自付
  ['overCap', 'over_cap_fen'], // 超封顶
  ['institutionBorne', 'institution_borne_fen'], // 机构承担
  ['personalPart', 'personal_part_fen'], // 个人负担
  ['accountPay', 'account_pay_fen'], // 个人账户支付
  ['cashPay', 'cash_pay_fen'], // 现金支付
] as const;

export type AmountName = (typeof AMOUNT_COLUMNS)[number][0];
export type Amounts = Record<AmountName, number>;

/** The per-line amounts of a result's `items`, with their columns. */
export const ITEM_AMOUNT_COLUMNS = [
  ['total', 'total_fen'],
  ['fullSelfPay', 'full_self_pay_fen'],
  ['overLimitSelfPay', 'over_limit_self_pay_fen'],
  ['firstSelfPay', 'first_self_pay_fen'],
  ['inScope', 'in_scope_fen'],
  ['institutionBorne', 'institution_borne_fen'],
] as const;
