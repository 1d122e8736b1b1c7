// 事后 runs (SUPERVISION_RULES.md §5), the pure part: from the visible settlements and the contracts,
// every alert of the batch rules whose evidence has a date within [from, to], less what an exemption
// covers. The server keeps alert identities unique, so a re-run or an overlapping range adds nothing.
import { FAMILIES } from './families/index.js';
import { bySettlementOrder } from './families/batch.js';
import type { BatchContext } from './families/family.js';
import type { AlertDraft, ContractFact, Exemption, SettlementFact, SupervisionLibrary } from './types.js';

/** Orders and indexes the settlements once; reversed ones (and reversals) are not visible. */
export function batchContext(
  settlements: readonly SettlementFact[],
  contracts: readonly ContractFact[],
): BatchContext {
  const all = settlements.filter((s) => !s.reversed).sort(bySettlementOrder);
  const byPerson = new Map<string, SettlementFact[]>();
  for (const s of all) {
    const own = byPerson.get(s.personId);
    if (own) own.push(s);
    else byPerson.set(s.personId, [s]);
  }
  const contractsByPerson = new Map<string, ContractFact[]>();
  for (const c of [...contracts].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  )) {
    const own = contractsByPerson.get(c.personId);
    if (own) own.push(c);
    else contractsByPerson.set(c.personId, [c]);
  }
  return { all, byPerson, contractsByPerson };
}

export interface RunRange {
  from: string;
  to: string;
  exemptions?: readonly Exemption[];
  ruleIds?: readonly string[]; // default: every 事后 rule
}

/** Every alert of the batch rules some evidence of which is dated within [from, to], not exempted. */
export function raiseAlerts(library: SupervisionLibrary, ctx: BatchContext, range: RunRange): AlertDraft[] {
  const out: AlertDraft[] = [];
  const exemptions = range.exemptions ?? [];
  for (const rule of library.rules) {
    if (rule.stage !== '事后') continue;
    if (range.ruleIds && !range.ruleIds.includes(rule.id)) continue;
    const family = FAMILIES.get(rule.family);
    if (!family || family.stage !== '事后') continue;
    for (const a of family.raise(rule, ctx)) {
      if (!a.evidenceDates.some((d) => range.from <= d && d <= range.to)) continue;
      const exempt = exemptions.some(
        (e) => e.ruleId === a.ruleId && e.personId === a.personId && e.from <= a.date && a.date <= e.to,
      );
      if (!exempt) out.push(a);
    }
  }
  return out;
}
