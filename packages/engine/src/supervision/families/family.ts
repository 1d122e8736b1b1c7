// What a family (规则类别) is to the library: a typed reader of its rules' parameters and lists, and
// one evaluator. A new rule of a family is a policy file change; a new family is one of these,
// registered in families/index.ts.
import type { TraceParam } from '../../contract.js';
import type { VersionReader } from '../reader.js';
import type {
  AlertDraft,
  ContractFact,
  Scene,
  SettlementFact,
  SupervisionRule,
  VisitCase,
} from '../types.js';

/** A 事中 rule's verdict on one line: refused (with the amount), or listed but lacking a fact. */
export type LineVerdict =
  | { item: number; refused: number; allowedQuantity: number | null; text: string; params: TraceParam[] }
  | { item: number; notJudged: string; params: TraceParam[] };

export interface InSettlementContext<P> {
  rule: SupervisionRule<P>;
  params: P;
  visit: VisitCase;
  scene: Scene;
  /** Lines no earlier rule refused: a refused line takes no part in later rules. */
  alive: readonly boolean[];
}

export interface InSettlementFamily<P> {
  stage: '事中';
  read(v: VersionReader): P;
  judge(ctx: InSettlementContext<P>): LineVerdict[];
  /**
   * The codes without which the family judges nothing (its list; F-05 the including items), so a
   * visit carrying none of them skips the rule at the cost of a few set lookups — most visits.
   * Absent: any line may be judged (F-06 reads drug days, not a list).
   */
  screen?(params: P): ReadonlySet<string>;
}

/** The visible settlements of a run, ordered and indexed once for every batch rule. */
export interface BatchContext {
  /** Every visible settlement, by (date, order). */
  all: readonly SettlementFact[];
  byPerson: ReadonlyMap<string, readonly SettlementFact[]>;
  contractsByPerson: ReadonlyMap<string, readonly ContractFact[]>;
}

export interface BatchFamily<P> {
  stage: '事后';
  read(v: VersionReader): P;
  /** Every alert of the rule over all visible settlements (the run keeps those of its range). */
  raise(rule: SupervisionRule<P>, ctx: BatchContext): AlertDraft[];
}

export type Family = InSettlementFamily<unknown> | BatchFamily<unknown>;
