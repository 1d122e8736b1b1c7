// Citing parameters in the trace (引用参数): every event that used a policy value names it, shows the
// value in force and the clause it comes from. The citations are the ones the compiled segment
// already collected (PolicySegment.citations), so the trace and the policy file cannot disagree.
import type { Citation, Level, ParamUnit, TraceParam } from '../contract.js';
import { fenToYuan } from '../money.js';

/** A value in engine units: fen for `yuan`, whole points for `percent`/`points`, or as is. */
type EngineValue = TraceParam['value'];

export class Cite {
  constructor(
    private readonly citations: ReadonlyMap<string, Citation>,
    private readonly groupKey: string, // "scheme/category": the person's group
  ) {}

  /** A parameter of the person's group (scheme/category), e.g. `generalOutpatient.rate`. */
  group(name: string, unit: ParamUnit, value: EngineValue, level?: Level): TraceParam {
    return this.cite(`${this.groupKey}:${name}`, unit, value, level);
  }

  /** A group parameter the policy may leave out (e.g. `chronicOutpatient.tuberculosisRate`): [] when it does. */
  optionalGroup(name: string, unit: ParamUnit, value: EngineValue, level?: Level): TraceParam[] {
    return this.citations.has(`${this.groupKey}:${name}`) ? [this.group(name, unit, value, level)] : [];
  }

  /** A region-wide parameter, e.g. `inpatientAdjustment.downwardReferral`. */
  region(name: string, unit: ParamUnit, value: EngineValue): TraceParam {
    return this.cite(name, unit, value);
  }

  private cite(name: string, unit: ParamUnit, value: EngineValue, level?: Level): TraceParam {
    const source = this.citations.get(name);
    // Compilation refuses a value without a source, so a miss means the engine read a parameter the
    // policy does not define — a bug to fail loudly on, not a citation to leave out.
    if (source === undefined) throw new Error(`no citation for policy parameter ${name}`);
    const shown = unit === 'yuan' && typeof value === 'number' ? fenToYuan(value) : value;
    const p: TraceParam = { name, value: shown, unit, source };
    if (level !== undefined) p.level = level;
    return p;
  }
}
