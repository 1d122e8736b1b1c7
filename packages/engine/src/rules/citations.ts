// Citing parameters in the trace (引用参数): every event that used a policy value names it, shows the
// value in force and the clause it comes from. The citations are the ones the compiled segment
// already collected (PolicySegment.citations), so the trace and the policy file cannot disagree.
import type { Citation, Level, ParamUnit, TraceParam } from '../contract.js';
import { fenToYuan } from '../money.js';

/** A value in engine units: fen for `yuan`, whole points for `percent`/`points`, or as is. */
type EngineValue = TraceParam['value'];

/** A parameter's full name and its source, resolved once per policy segment and group. */
interface Named {
  name: string;
  source: Citation;
}

// Per compiled segment (its citations map) and group: the resolved names. The trace cites several
// parameters a visit, so building "scheme/category:name" and hashing the fresh string on every event
// cost the engine a measurable share (docs/benchmarks.md, "The trace's citations").
const resolved = new WeakMap<ReadonlyMap<string, Citation>, Map<string, Map<string, Named | null>>>();

function namesOf(citations: ReadonlyMap<string, Citation>, groupKey: string): Map<string, Named | null> {
  let byGroup = resolved.get(citations);
  if (byGroup === undefined)
    resolved.set(citations, (byGroup = new Map<string, Map<string, Named | null>>()));
  let names = byGroup.get(groupKey);
  if (names === undefined) byGroup.set(groupKey, (names = new Map<string, Named | null>()));
  return names;
}

export class Cite {
  private readonly groupNames: Map<string, Named | null>;
  private readonly regionNames: Map<string, Named | null>;

  constructor(
    private readonly citations: ReadonlyMap<string, Citation>,
    private readonly groupKey: string, // "scheme/category": the person's group
  ) {
    this.groupNames = namesOf(citations, groupKey);
    this.regionNames = namesOf(citations, '');
  }

  /** A parameter of the person's group (scheme/category), e.g. `generalOutpatient.rate`. */
  group(name: string, unit: ParamUnit, value: EngineValue, level?: Level): TraceParam {
    return this.cite(this.lookup(this.groupNames, name, this.groupKey), name, unit, value, level);
  }

  /** A group parameter the policy may leave out (e.g. `chronicOutpatient.tuberculosisRate`): [] when it does. */
  optionalGroup(name: string, unit: ParamUnit, value: EngineValue, level?: Level): TraceParam[] {
    const named = this.lookup(this.groupNames, name, this.groupKey);
    return named === null ? [] : [this.cite(named, name, unit, value, level)];
  }

  /** A region-wide parameter, e.g. `inpatientAdjustment.downwardReferral`. */
  region(name: string, unit: ParamUnit, value: EngineValue): TraceParam {
    return this.cite(this.lookup(this.regionNames, name, ''), name, unit, value);
  }

  private lookup(names: Map<string, Named | null>, name: string, groupKey: string): Named | null {
    let named = names.get(name);
    if (named === undefined) {
      // Only on the first use of a name in a group: the full name is built here, not per event.
      const fullName = groupKey === '' ? name : `${groupKey}:${name}`;
      const source = this.citations.get(fullName);
      names.set(name, (named = source === undefined ? null : { name: fullName, source }));
    }
    return named;
  }

  private cite(
    named: Named | null,
    name: string,
    unit: ParamUnit,
    value: EngineValue,
    level?: Level,
  ): TraceParam {
    // Compilation refuses a value without a source, so a miss means the engine read a parameter the
    // policy does not define — a bug to fail loudly on, not a citation to leave out.
    if (named === null) throw new Error(`no citation for policy parameter ${name}`);
    const shown = unit === 'yuan' && typeof value === 'number' ? fenToYuan(value) : value;
    const p: TraceParam = { name: named.name, value: shown, unit, source: named.source };
    if (level !== undefined) p.level = level;
    return p;
  }
}
