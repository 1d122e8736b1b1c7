// What a settlement or reversal write holds, and its lines in their stored form. The write itself is
// one statement for one or many settlements: store/settlement-batch-writes.ts.
import type { Accumulators } from '@yibao/engine';
import type { Amounts } from './settlement-columns.js';

export interface ItemLine {
  lineNo: number;
  code: string;
  name: string;
  kind: string;
  class: string;
  quantity: number;
  unitPriceFen: number;
  totalFen: number;
  fullSelfPayFen: number;
  overLimitSelfPayFen: number;
  firstSelfPayFen: number;
  inScopeFen: number;
  institutionBorneFen: number;
  /** 用药天数 as uploaded (drug lines), for the 事后 rules F-08; null when not given. */
  days: number | null;
  /** The rule that refused the line at settlement (F-05, R-D10), invisible to the 事后 rules; else null. */
  refusedBy: string | null;
}

/** One visit line's dispensing of an e-prescription (R-D8); negated by a reversal. */
export interface Dispensing {
  lineNo: number;
  prescriptionId: string;
  code: string;
  quantity: number;
}

export interface SettlementWrite {
  id: string;
  personId: string;
  institutionId: string;
  requestId: string;
  requestHash: string;
  date: string;
  year: number;
  visitKind: string;
  benefitGroup: string;
  reverses: string | null;
  policyVersion: string;
  policyHash: string;
  amountsFen: Amounts;
  /** The account version read before computing; the write happens only if it still holds. */
  expectedVersion: number;
  /** Added to the account balance: minus the account payment, or plus it for a reversal. */
  accountDeltaFen: number;
  accumulatorsAfterFen: Accumulators;
  ytdDeltaFen: Accumulators;
  visit: unknown;
  result: object;
  /** `result` already serialized (the HTTP reply), so a batch need not serialize it again. */
  resultJson?: string;
  /** The resolved engine request as JSON (every fact the engine used), or null (a reversal). */
  requestJson: string | null;
  /** What the visit dispensed of an e-prescription (none: empty). */
  dispensings: readonly Dispensing[];
  /** The lines as uploaded with the engine's split (a settlement), or the original's negated (a reversal). */
  lines: ItemLine[];
}

/** A line as stored in the settlement's `lines` (amounts in fen); the view settlement_items shows the same fields. */
export function lineRow(l: ItemLine): Record<string, unknown> {
  return {
    line_no: l.lineNo,
    code: l.code,
    name: l.name,
    kind: l.kind,
    class: l.class,
    quantity: l.quantity,
    unit_price_fen: l.unitPriceFen,
    total_fen: l.totalFen,
    full_self_pay_fen: l.fullSelfPayFen,
    over_limit_self_pay_fen: l.overLimitSelfPayFen,
    first_self_pay_fen: l.firstSelfPayFen,
    in_scope_fen: l.inScopeFen,
    institution_borne_fen: l.institutionBorneFen,
    days: l.days,
    refused_by: l.refusedBy,
  };
}

/** A stored line back as an ItemLine (the inverse of lineRow). */
export function storedLine(row: Record<string, unknown>): ItemLine {
  const n = (key: string): number => Number(row[key] ?? 0);
  const t = (key: string): string => {
    const v = row[key];
    return typeof v === 'string' ? v : '';
  };
  return {
    lineNo: n('line_no'),
    code: t('code'),
    name: t('name'),
    kind: t('kind'),
    class: t('class'),
    quantity: n('quantity'),
    unitPriceFen: n('unit_price_fen'),
    totalFen: n('total_fen'),
    fullSelfPayFen: n('full_self_pay_fen'),
    overLimitSelfPayFen: n('over_limit_self_pay_fen'),
    firstSelfPayFen: n('first_self_pay_fen'),
    inScopeFen: n('in_scope_fen'),
    institutionBorneFen: n('institution_borne_fen'),
    // Lines stored before the 事中 rules carry neither: no days, nothing refused.
    days: typeof row['days'] === 'number' ? row['days'] : null,
    refusedBy: typeof row['refused_by'] === 'string' ? row['refused_by'] : null,
  };
}
