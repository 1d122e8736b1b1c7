// The visit's payment fields: optional, validated with the field named (PAYMENT_CONTRACT.md).
import { describe, expect, it } from 'vitest';
import { CalcInputError } from '../contract.js';
import { parsePaymentVisit } from './visit.js';

function fieldOf(visit: unknown, kind = 'inpatient'): string {
  try {
    parsePaymentVisit(visit, kind);
  } catch (err) {
    if (err instanceof CalcInputError) return err.field;
    throw err;
  }
  throw new Error('accepted');
}

describe('parsePaymentVisit', () => {
  it('old requests stay valid', () => {
    expect(parsePaymentVisit({ kind: 'outpatient' }, 'outpatient')).toEqual({
      procedures: [],
      careType: 'acute',
      lengthOfStay: null,
      bedDaysBefore: 0,
    });
  });
  it('reads the fields', () => {
    const v = parsePaymentVisit(
      {
        procedures: [{ code: '51.2300', kind: 'surgery' }],
        careType: 'hospice',
        lengthOfStay: 30,
        bedDaysBefore: 100,
      },
      'inpatient',
    );
    expect(v).toEqual({
      procedures: [{ code: '51.2300', kind: 'surgery' }],
      careType: 'hospice',
      lengthOfStay: 30,
      bedDaysBefore: 100,
    });
  });
  it('names the field that breaks §3', () => {
    expect(fieldOf({ careType: 'rehabilitation', lengthOfStay: 3 }, 'outpatient')).toBe('visit.careType');
    expect(fieldOf({ careType: 'spa' })).toBe('visit.careType');
    expect(fieldOf({ careType: 'rehabilitation' })).toBe('visit.lengthOfStay');
    expect(fieldOf({ lengthOfStay: 0 })).toBe('visit.lengthOfStay');
    expect(fieldOf({ lengthOfStay: 367 })).toBe('visit.lengthOfStay');
    expect(fieldOf({ lengthOfStay: 2.5 })).toBe('visit.lengthOfStay');
    expect(fieldOf({ bedDaysBefore: -1 })).toBe('visit.bedDaysBefore');
    expect(fieldOf({ procedures: [{ code: '51.23', kind: 'cosmetic' }] })).toBe('visit.procedures[0].kind');
    expect(fieldOf({ procedures: [{ code: 'X1', kind: 'surgery' }] })).toBe('visit.procedures[0].code');
    expect(
      fieldOf({ procedures: Array.from({ length: 21 }, () => ({ code: '51.23', kind: 'surgery' })) }),
    ).toBe('visit.procedures');
  });
});
