// Base rules with named exceptions (例外), as ARCHITECTURE.md asks and as Catala's default logic
// models them: a rule's exceptions are data declared next to it, every exception is evaluated, the
// one that applies overrides the base, and two that both apply and disagree are an error naming both
// clauses — never a silent first match. An exception may itself be overridden by a more specific one
// ("Class B drugs at primary institutions are paid as Class A, except fixed self-pay drugs").
import type { TraceParam } from '../contract.js';
import type { Trace } from '../trace.js';

/**
 * Whether an exception holds for a case:
 * - `true`: it applies;
 * - a string: considered and not applied — the reason, traced "未适用：<clause> — <reason>";
 * - `null`: not considered at all (the case is outside it, or its reason is traced elsewhere, e.g.
 *   once for the whole visit), so nothing is traced for it.
 */
export type Verdict = true | string | null;

export interface Exception<Ctx, O> {
  readonly name: string; // stable identifier, e.g. 'emergency'
  readonly rule: string; // R- id of REQUIREMENTS.md
  readonly clause: string; // the exception as the trace names it (中文)
  readonly applies: (ctx: Ctx) => Verdict;
  readonly outcome: O;
  readonly overrides?: readonly string[]; // names of exceptions of the same rule this one takes priority over
  readonly overrideReason?: string; // why an exception it overrides did not apply (default: its clause)
}

export interface RuleWithExceptions<Ctx, O> {
  readonly rule: string; // the base rule's R- id
  readonly clause: string; // the base rule as the trace names it (中文)
  readonly outcome: O; // what holds when no exception applies
  readonly exceptions: readonly Exception<Ctx, O>[]; // in the order the trace considers them
}

export interface DecideOptions {
  item?: number; // the line item the decision is about, for line rules
  cited?: Readonly<Record<string, readonly TraceParam[]>>; // by exception name: parameters its condition read
}

export interface Decision<Ctx, O> {
  outcome: O;
  by: Exception<Ctx, O> | null; // the exception that decided, or null for the base rule
}

/** Two exceptions of one rule apply to the same case and give different outcomes: the policy is ambiguous. */
export class ExceptionConflictError extends Error {
  readonly rule: string;
  readonly exceptions: readonly [ConflictSide, ConflictSide];
  constructor(rule: string, clause: string, a: ConflictSide, b: ConflictSide) {
    const side = (s: ConflictSide): string => `${s.rule}「${s.clause}」(${s.name}) → ${String(s.outcome)}`;
    super(`${rule}「${clause}」的两个例外同时适用且结论不同：${side(a)}；${side(b)}`);
    this.name = 'ExceptionConflictError';
    this.rule = rule;
    this.exceptions = [a, b];
  }
}

export interface ConflictSide {
  name: string;
  rule: string;
  clause: string;
  outcome: unknown;
}

/**
 * Declares a base rule with its exceptions, checking at load time what the type system cannot:
 * unique names, and `overrides` naming exceptions that exist.
 */
export function ruleWithExceptions<Ctx, O>(r: RuleWithExceptions<Ctx, O>): RuleWithExceptions<Ctx, O> {
  const names = new Set<string>();
  for (const e of r.exceptions) {
    if (names.has(e.name)) throw new Error(`${r.rule}: exception ${e.name} is declared twice`);
    names.add(e.name);
  }
  for (const e of r.exceptions)
    for (const o of e.overrides ?? [])
      if (!names.has(o) || o === e.name)
        throw new Error(`${r.rule}: exception ${e.name} overrides unknown ${o}`);
  return Object.freeze({ ...r, exceptions: Object.freeze([...r.exceptions]) });
}

/**
 * Evaluates every exception of the rule for the case and returns the outcome. The applicable
 * exceptions that no other applicable one overrides must agree, or ExceptionConflictError names two
 * of them. The trace gets, in declaration order up to the deciding exception, each exception passed
 * over: with its own reason, or the clause of the exception that overrode it. The deciding event
 * itself is the caller's to write — its sentence carries the amounts of the step.
 */
export function decide<Ctx, O>(
  r: RuleWithExceptions<Ctx, O>,
  ctx: Ctx,
  trace: Trace,
  at: DecideOptions = {},
): Decision<Ctx, O> {
  const { item, cited } = at;
  // Plain loops, no per-call arrays unless an exception applies: decide() runs for several rules on
  // every visit and most cases meet no exception at all.
  const exceptions = r.exceptions;
  const verdicts = exceptions.map((e) => e.applies(ctx));
  let applicable: Exception<Ctx, O>[] | null = null;
  for (let i = 0; i < exceptions.length; i++) {
    const e = exceptions[i];
    if (e !== undefined && verdicts[i] === true) (applicable ??= []).push(e);
  }
  const overrider = (x: Exception<Ctx, O>): Exception<Ctx, O> | undefined =>
    applicable?.find((a) => a !== x && a.overrides?.includes(x.name) === true);

  // The deciding exception: the first applicable one that no applicable exception overrides.
  let by: Exception<Ctx, O> | null = null;
  for (const e of applicable ?? []) {
    if (overrider(e) !== undefined) continue;
    if (by === null) by = e;
    else if (e.outcome !== by.outcome) throw new ExceptionConflictError(r.rule, r.clause, side(by), side(e));
  }

  for (let i = 0; i < exceptions.length; i++) {
    const e = exceptions[i];
    if (e === undefined || e === by) break;
    const verdict = verdicts[i];
    if (verdict === null || verdict === undefined) continue;
    const o = verdict === true ? overrider(e) : undefined;
    const why = typeof verdict === 'string' ? verdict : (o?.overrideReason ?? o?.clause ?? '');
    const params: readonly TraceParam[] | undefined = cited?.[e.name];
    if (params !== undefined) trace.citing(...params);
    trace.notApplied(e.rule, e.clause, why, item);
  }
  return by === null ? { outcome: r.outcome, by: null } : { outcome: by.outcome, by };
}

function side<Ctx, O>(e: Exception<Ctx, O>): ConflictSide {
  return { name: e.name, rule: e.rule, clause: e.clause, outcome: e.outcome };
}
