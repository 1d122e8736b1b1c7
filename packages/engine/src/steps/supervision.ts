// Step 0 — the 事中 rules (SUPERVISION_RULES.md §4, R-F1): F-01…F-07 judge the visit's lines before the
// benefit, from the request and the registered facts alone (never the history, so a settlement stays
// one read and one write). A refused line is institution-borne (R-D10) and the rest of the visit
// settles as before: step 1 (lines.ts) prices it from `refusedBy` / `allowedQuantity`.
import { judgeVisit } from '../supervision/judge.js';
import type { SupervisionLibrary, VisitCase } from '../supervision/types.js';
import type { VisitKind } from '../contract.js';
import type { Trace } from '../trace.js';
import type { VisitInput } from '../request/visit.js';
import type { BenefitGroup } from '../contract.js';

/**
 * 待遇类别 as the rules read it: a chronic or special visit the person is not certified for is
 * paid as a general outpatient visit (benefitGroup.ts decides that; its answer is passed in).
 */
function benefitKindOf(kind: VisitKind, group: BenefitGroup): VisitKind {
  if (kind === 'chronic_outpatient' || kind === 'special_outpatient')
    return group === 'chronic_outpatient' || group === 'special_outpatient' ? kind : 'outpatient';
  return kind;
}

/** The request with the 事中 refusals marked on its lines, their events in the trace. */
export function judgeInSettlement(
  input: VisitInput,
  library: SupervisionLibrary,
  groupOf: () => BenefitGroup,
  trace: Trace,
): VisitInput {
  if (library.rules.length === 0) return input;
  const kind = input.visit.kind;
  // Only a chronic or special visit can be paid as another kind: ask the benefit step then alone.
  const group: BenefitGroup =
    kind === 'chronic_outpatient' || kind === 'special_outpatient' ? groupOf() : 'none';
  const visit: VisitCase = {
    date: input.date,
    visitKind: input.visit.kind,
    benefitKind: benefitKindOf(input.visit.kind, group),
    institutionType: input.institution.type,
    institutionLevel: input.institution.level,
    sex: input.person.sex,
    birthDate: input.person.birthDate,
    admissionDate: input.visit.admissionDate,
    lines: input.items,
  };
  const outcome = judgeVisit(library, visit);
  for (const event of outcome.events) trace.record(event);
  if (outcome.refusals.length === 0) return input;
  const items = [...input.items];
  for (const refusal of outcome.refusals) {
    const line = items[refusal.item];
    if (line === undefined || line.refusedBy !== null) continue; // a caller's refusal stands
    items[refusal.item] = {
      ...line,
      refusedBy: refusal.ruleId,
      allowedQuantity: refusal.allowedQuantity,
      refusedInSettlement: true,
    };
  }
  return { ...input, items };
}
