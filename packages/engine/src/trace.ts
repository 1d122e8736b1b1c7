// The explanation of a settlement (结算说明): every rule that moved an amount, and every exception
// considered and not applied with the reason. The trace is the product (ARCHITECTURE.md).
import type { TraceEvent, TraceParam } from './contract.js';
import { fenToYuan } from './money.js';

export class Trace {
  readonly events: TraceEvent[] = [];
  private cited: TraceParam[] | null = null; // a fresh array per call (rest parameter)

  /**
   * The parameters the next event used (引用参数): `trace.citing(rate).applied('R-D2', …)`. A
   * builder rather than a sixth positional argument, so a call site reads as the sentence it writes.
   */
  citing(...params: TraceParam[]): this {
    this.cited = params;
    return this;
  }

  /** A rule that decided an amount (fen); amount 0 for a decision that moved nothing. */
  applied(rule: string, text: string, amountFen = 0, item?: number): void {
    const e: TraceEvent = { rule, text, amount: fenToYuan(amountFen) };
    if (item !== undefined) e.item = item;
    this.push(e);
  }

  /** An exception (or rule) considered and not applied: "未适用：… — <why>". */
  notApplied(rule: string, exception: string, why: string, item?: number): void {
    const e: TraceEvent = { rule, text: `未适用：${exception} — ${why}`, amount: 0, applied: false };
    if (item !== undefined) e.item = item;
    this.push(e);
  }

  /** An event another module wrote whole (a 事中 rule's, steps/supervision.ts). */
  record(e: TraceEvent): void {
    this.events.push(e);
  }

  private push(e: TraceEvent): void {
    if (this.cited !== null) {
      if (this.cited.length > 0) e.params = this.cited;
      this.cited = null;
    }
    this.events.push(e);
  }
}

export const LEVEL_NAME = { primary: '基层', secondary: '二级', tertiary: '三级' } as const;

export const VISIT_KIND_NAME = {
  outpatient: '普通门诊',
  emergency: '急诊',
  chronic_outpatient: '门诊慢性病',
  special_outpatient: '门诊特殊病种',
  inpatient: '住院',
  family_bed: '家庭病床',
  pharmacy: '药店购药',
} as const;
