// The rule library as GET /supervision/rules shows it (SUPERVISION_CONTRACT.md): each rule with the
// version in force on a date — its parameters and lists exactly as the policy file writes them.
import type { Citation } from '../contract.js';
import { versionOn } from './compile.js';
import type { ResultType, Scene, Stage, SupervisionLibrary } from './types.js';

export interface RuleView {
  id: string;
  name: string;
  family: string;
  stage: Stage;
  resultType: ResultType;
  scenes: readonly Scene[];
  window: string;
  effectiveFrom: string;
  parameters: Readonly<Record<string, unknown>>; // { parameters?, lists? } of the version in force
  requirement: string;
  source: readonly Citation[];
}

/** The rules in force on a date, in id order (a rule with no version yet is left out). */
export function rulesOn(library: SupervisionLibrary, date: string): RuleView[] {
  return library.rules.flatMap((r) => {
    const v = versionOn(r, date);
    if (!v) return [];
    return [
      {
        id: r.id,
        name: r.name,
        family: r.family,
        stage: r.stage,
        resultType: r.resultType,
        scenes: r.scenes,
        window: r.window,
        effectiveFrom: v.effectiveFrom,
        parameters: v.display,
        requirement: r.requirement,
        source: r.sources,
      },
    ];
  });
}
