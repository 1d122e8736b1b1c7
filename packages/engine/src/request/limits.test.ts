// Limits that keep every sum of fen exact, and the code for an absent object.
import { describe, expect, it } from 'vitest';
import { CalcInputError } from '../contract.js';
import { classA, request, settleRaw } from '../testing/demoPolicy.js';

function errorOf(raw: unknown): CalcInputError {
  try {
    settleRaw(raw);
  } catch (e) {
    if (e instanceof CalcInputError) return e;
    throw e;
  }
  throw new Error('expected a CalcInputError');
}

describe('input limits', () => {
  it('refuses a visit whose charges add up past 1,000,000,000 yuan, naming the line that crosses it', () => {
    const raw = request({ items: [classA(600_000_000), classA(600_000_000)] });
    const e = errorOf(raw);
    expect(e.code).toBe('invalid_amount');
    expect(e.field).toBe('items[1]');
  });

  it('accepts a visit just under the limit and keeps the fen exact', () => {
    const r = settleRaw(request({ items: [classA(499_999_999.99), classA(0.01)] }));
    expect(r.totalCost).toBe(500_000_000);
  });

  it.each(['person', 'institution', 'visit'])('an absent %s is "required"', (field) => {
    const raw = structuredClone(request({})) as unknown as Record<string, unknown>;
    Reflect.deleteProperty(raw, field);
    const e = errorOf(raw);
    expect(e).toMatchObject({ code: 'required', field });
  });
});
