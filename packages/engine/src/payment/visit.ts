// The visit's payment fields (PAYMENT_POLICY.md §3 "Inputs"; PAYMENT_CONTRACT.md "Settlement inputs"):
// `procedures`, `careType`, `lengthOfStay`, `bedDaysBefore`, all optional, old requests stay valid.
// A value breaking §3 is a CalcInputError naming the field (the server answers 400 with it); the
// benefit result ignores these fields.
import { CalcInputError } from '../contract.js';
import { asRecord } from '../policy-compiler/source.js';
import type { Procedure } from './method.js';
import { CARE_TYPES, PROCEDURE_KINDS } from './types.js';
import type { CareType } from './types.js';

export interface PaymentVisitFields {
  procedures: Procedure[];
  careType: CareType;
  lengthOfStay: number | null;
  bedDaysBefore: number;
}

const PROCEDURE_CODE = /^\d{2}(\.\d{1,4})?$/; // ICD-9-CM-3: 51.23, 32.4, 51.2300
const MAX_PROCEDURES = 20;

function whole(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new CalcInputError('invalid_type', field, `${field} must be a whole number`);
  if (v < min || v > max)
    throw new CalcInputError('invalid_quantity', field, `${field} must be between ${min} and ${max}`);
  return v;
}

/** Reads the payment fields of a wire `visit` (its `kind` already valid). */
export function parsePaymentVisit(visit: unknown, kind: string): PaymentVisitFields {
  const v = asRecord(visit) ?? {};
  const procedures: Procedure[] = [];
  if (v.procedures !== undefined && v.procedures !== null) {
    if (!Array.isArray(v.procedures))
      throw new CalcInputError('invalid_type', 'visit.procedures', 'visit.procedures must be a list');
    if (v.procedures.length > MAX_PROCEDURES)
      throw new CalcInputError(
        'invalid_quantity',
        'visit.procedures',
        `at most ${MAX_PROCEDURES} procedures`,
      );
    v.procedures.forEach((p: unknown, i: number) => {
      const field = `visit.procedures[${i}]`;
      const r = asRecord(p);
      if (!r) throw new CalcInputError('invalid_type', field, `${field} must be { code, kind }`);
      if (typeof r.code !== 'string' || !PROCEDURE_CODE.test(r.code))
        throw new CalcInputError(
          'invalid_type',
          `${field}.code`,
          `${field}.code must be an ICD-9-CM-3 code like 51.23`,
        );
      if (typeof r.kind !== 'string' || !(PROCEDURE_KINDS as readonly string[]).includes(r.kind))
        throw new CalcInputError(
          'invalid_enum',
          `${field}.kind`,
          `${field}.kind must be one of ${PROCEDURE_KINDS.join(', ')}`,
        );
      procedures.push({ code: r.code, kind: r.kind as Procedure['kind'] });
    });
  }
  let careType: CareType = 'acute';
  if (v.careType !== undefined && v.careType !== null) {
    if (typeof v.careType !== 'string' || !(CARE_TYPES as readonly string[]).includes(v.careType))
      throw new CalcInputError(
        'invalid_enum',
        'visit.careType',
        `visit.careType must be one of ${CARE_TYPES.join(', ')}`,
      );
    careType = v.careType as CareType;
    if (careType !== 'acute' && kind !== 'inpatient')
      throw new CalcInputError(
        'visit_kind_mismatch',
        'visit.careType',
        `visit.careType ${careType} needs an inpatient visit`,
      );
  }
  const lengthOfStay =
    v.lengthOfStay === undefined || v.lengthOfStay === null
      ? null
      : whole(v.lengthOfStay, 'visit.lengthOfStay', 1, 366);
  if (careType !== 'acute' && lengthOfStay === null)
    throw new CalcInputError(
      'required',
      'visit.lengthOfStay',
      `visit.lengthOfStay is required with care type ${careType}`,
    );
  const bedDaysBefore =
    v.bedDaysBefore === undefined || v.bedDaysBefore === null
      ? 0
      : whole(v.bedDaysBefore, 'visit.bedDaysBefore', 0, Number.MAX_SAFE_INTEGER);
  return { procedures, careType, lengthOfStay, bedDaysBefore };
}
