// A settlement's lines as the institution uploaded them (明细: names, classes, quantities and prices,
// which the stored result does not repeat) and its visit, for the console's settlement page and
// the patient's statement (R-G3). A reversal shows the visit of the settlement it cancels.
import type { SettlementVisit } from '@yibao/api';
import type { Queryable } from '../db/types.js';
import { fenToYuan } from '@yibao/engine';

// The shapes answered are the contract's (@yibao/api).
export type { SettlementLine, SettlementVisit } from '@yibao/api';

interface LineRow {
  line_no: number;
  code: string;
  name: string;
  kind: string;
  class: string;
  quantity: string | number;
  unit_price_fen: string | number;
  total_fen: string | number;
  full_self_pay_fen: string | number;
  over_limit_self_pay_fen: string | number;
  first_self_pay_fen: string | number;
  in_scope_fen: string | number;
  institution_borne_fen: string | number;
}

const yuan = (fen: string | number): number => fenToYuan(Number(fen));

export async function findSettlementVisit(
  db: Queryable,
  settlementId: string,
): Promise<(SettlementVisit & { institutionId: string }) | undefined> {
  const [head] = await db.query<{
    institution_id: string;
    visit: Record<string, unknown>;
    reverses: string | null;
    original_visit: Record<string, unknown> | null;
    lines: LineRow[];
  }>(
    `SELECT s.institution_id, s.visit, s.reverses, o.visit AS original_visit, s.lines
     FROM settlements s LEFT JOIN settlements o ON o.id = s.reverses WHERE s.id = $1`,
    [settlementId],
  );
  if (head === undefined) return undefined;
  return {
    settlementId,
    // Who may read it (issue 13); not on the wire: the answer's schema leaves it out.
    institutionId: head.institution_id,
    visit: head.reverses !== null && head.original_visit !== null ? head.original_visit : head.visit,
    lines: [...head.lines]
      .sort((a, b) => a.line_no - b.line_no)
      .map((r) => ({
        lineNo: r.line_no,
        code: r.code,
        name: r.name,
        kind: r.kind,
        class: r.class,
        quantity: Number(r.quantity),
        unitPrice: yuan(r.unit_price_fen),
        total: yuan(r.total_fen),
        fullSelfPay: yuan(r.full_self_pay_fen),
        overLimitSelfPay: yuan(r.over_limit_self_pay_fen),
        firstSelfPay: yuan(r.first_self_pay_fen),
        inScope: yuan(r.in_scope_fen),
        institutionBorne: yuan(r.institution_borne_fen),
      })),
  };
}
