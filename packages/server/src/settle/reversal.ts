// The answer of a reversal (结算撤销): the original's answer with every amount negated — totals and
// each line — and the accumulators as they stand after moving back.
import type { AmountName } from '@yibao/api';
import type { Accumulators } from '@yibao/engine';
import { AMOUNT_COLUMNS, ITEM_AMOUNT_COLUMNS } from '../store/settlement-columns.js';
import type { ItemLine } from '../store/settlement-writes.js';
import type { SettlementResponse } from './types.js';

// -0 would print as 0 anyway, but keep the stored JSON free of it.
const negate = (v: unknown): number => (typeof v === 'number' && v !== 0 ? -v : 0);

export function negateResponse(
  original: Record<string, unknown>,
  ids: { settlementId: string; requestId: string; reverses: string; ytd: Accumulators },
): SettlementResponse {
  // The original was answered under the contract: its amounts, region and policy are all there.
  const totals = Object.fromEntries(AMOUNT_COLUMNS.map(([name]) => [name, negate(original[name])])) as Pick<
    SettlementResponse,
    AmountName
  >;
  const stored = original as SettlementResponse;
  const items = Array.isArray(original['items'])
    ? ((original['items'] as Record<string, unknown>[]).map((item) => ({
        ...item,
        ...Object.fromEntries(ITEM_AMOUNT_COLUMNS.map(([name]) => [name, negate(item[name])])),
      })) as SettlementResponse['items'])
    : [];
  const totalCost = negate(original['totalCost']);
  return {
    ...stored,
    ...totals,
    settlementId: ids.settlementId,
    requestId: ids.requestId,
    reverses: ids.reverses,
    personId: String(original['personId']),
    institutionId: String(original['institutionId']),
    date: String(original['date']),
    items,
    ytd: ids.ytd,
    trace: [
      {
        rule: 'R-E1',
        text: `结算撤销：冲销结算 ${ids.reverses}，各项金额取反，年度累计与个人账户按原结算的变动额退回`,
        amount: totalCost,
      },
    ],
  };
}

/** The reversal's lines: the original's, quantities and amounts negated, unit prices as they were. */
export function negateLines(lines: readonly ItemLine[]): ItemLine[] {
  return lines.map((l) => ({
    ...l,
    quantity: negate(l.quantity),
    totalFen: negate(l.totalFen),
    fullSelfPayFen: negate(l.fullSelfPayFen),
    overLimitSelfPayFen: negate(l.overLimitSelfPayFen),
    firstSelfPayFen: negate(l.firstSelfPayFen),
    inScopeFen: negate(l.inScopeFen),
    institutionBorneFen: negate(l.institutionBorneFen),
  }));
}
