// The service's inputs (SERVICE_CONTRACT.md) and the engine entry point it settles with.
import type { Settlement } from '@yibao/api';
import type { CalcResult } from '@yibao/engine';

/** `calculate(book, raw)` with the policy book bound; throws CalcInputError on bad input. */
export type Calculator = (raw: unknown) => CalcResult;

export interface PreviewBody {
  personId: string;
  institutionId: string;
  date: string; // YYYY-MM-DD
  visit: unknown; // CALC_CONTRACT.md's visit: the engine validates it
  items: unknown; // CALC_CONTRACT.md's items
}

export interface SettleBody extends PreviewBody {
  requestId: string; // like the national interface's msgid
}

export interface ReversalBody {
  requestId: string;
}

/** A settlement or reversal as answered and stored (amounts in yuan). */
export type SettlementResponse = Record<string, unknown> & Settlement;

export interface Answer {
  status: 200 | 201; // 201 new; 200 the first answer again (idempotent retry)
  body: SettlementResponse;
  /** `body` as JSON when it was serialized already (to store it): sent as is. */
  json?: string;
}
