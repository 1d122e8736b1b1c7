// A case method (按病种付费的方式): how an acute stay becomes units (a group and its points). DIP is
// the demo region's (dip.ts); a region paying by DRG adds its files and one more CaseMethod, registered
// in methods.ts — the rest of the pipeline (money at the point value, advance, clearing) is shared.
import type { Level } from '../contract.js';
import type { ParameterSpec } from './schema.js';
import type { PaymentEvent, PaymentVersion, ProcedureKind } from './types.js';

export interface Procedure {
  code: string;
  kind: ProcedureKind;
}

/** What a case method reads of an acute stay. Amounts in fen. */
export interface CaseStay {
  diagnosis: string | null;
  procedures: readonly Procedure[];
  department: 'general' | 'tcm';
  level: Level;
  totalCost: number;
  institutionBorne: number;
}

export type CaseRatio = 'low' | 'normal' | 'high';

export interface CaseUnits {
  group: string;
  ratio: CaseRatio | null; // null for the blank group
  points: number; // hundredths of a point
  referenceCost: number | null; // fen
  events: PaymentEvent[];
}

export interface CaseMethod {
  /** The method's key: the value of `case.method` in the files and of the facts' `method`. */
  name: string;
  /** Its own parameters, declared like the common ones (dated, cited, read with file and line). */
  specs: readonly ParameterSpec[];
  /** Builds the method's settings of one version from its parameters' values (already read). */
  settings(values: ReadonlyMap<string, unknown>): unknown;
  /** The levels at which acute stays are paid by this method (others are paid item by item). */
  paysAt(settings: unknown, level: Level | null): boolean;
  /** The units of one stay under the version in force on its date. The one unit function. */
  units(version: PaymentVersion, stay: CaseStay): CaseUnits;
}
