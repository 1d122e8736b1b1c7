// Bad input (CALC_CONTRACT.md "Errors"): never a result; a CalcInputError naming the offending field
// as a JSON path and carrying a code. One test per kind of bad input.
import { describe, expect, it } from 'vitest';
import { CalcInputError } from '../contract.js';
import { classA, classB, demoBook, PHARMACY, request, SECONDARY, settleRaw } from '../testing/demoPolicy.js';
import type { RequestOptions } from '../testing/demoPolicy.js';
import { parseRequest } from './parse.js';

const DELETE = Symbol('delete');

/** A valid request (built from the options) with one value at a dotted path replaced or deleted. */
function withField(path: string, value: unknown, o: RequestOptions = {}): unknown {
  const root = structuredClone(request(o)) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = root;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (typeof next !== 'object' || next === null) throw new Error(`test setup: ${path} has no ${k}`);
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] ?? '';
  if (value === DELETE) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return root;
}

/** The CalcInputError the raw request raises (fails the test when it settles instead). */
function errorOf(raw: unknown): CalcInputError {
  try {
    const r = settleRaw(raw);
    throw new Error(`expected a CalcInputError, got a result: ${JSON.stringify({ fundPay: r.fundPay })}`);
  } catch (e) {
    if (e instanceof CalcInputError) return e;
    throw e;
  }
}

function expectError(raw: unknown, field: string, code?: string): CalcInputError {
  const e = errorOf(raw);
  expect(e.field).toBe(field);
  if (code === undefined) expect(e.code).toMatch(/^[a-z_]+$/);
  else expect(e.code).toBe(code);
  expect(e.toJSON()).toEqual({ error: { code: e.code, message: e.message, field } });
  return e;
}

describe('CalcInputError: the valid baseline settles', () => {
  it("the builder's default request is valid (so each error below comes from the one change)", () => {
    expect(() => parseRequest(demoBook(), request())).not.toThrow();
  });
});

describe('region and date', () => {
  it('unknown region', () => {
    expectError(withField('region', 'atlantis'), 'region', 'unknown_region');
  });

  it('no policy version in force (2024-06-01): the error names the date and the region', () => {
    const e = expectError(withField('date', '2024-06-01'), 'date', 'no_policy_version');
    expect(e.message).toContain('2024-06-01');
    expect(e.message).toContain('demo');
  });

  it('the day before the first version (2024-12-31) has no version either', () => {
    expectError(withField('date', '2024-12-31'), 'date', 'no_policy_version');
  });

  it('impossible date 2026-02-30', () => {
    expectError(withField('date', '2026-02-30'), 'date', 'invalid_date');
  });

  it('malformed dates', () => {
    expectError(withField('date', '2026-3-01'), 'date', 'invalid_date');
    expectError(withField('date', '2026/03/01'), 'date', 'invalid_date');
    expectError(withField('date', '2026-13-01'), 'date', 'invalid_date');
  });
});

describe('unknown enum values (invalid_enum)', () => {
  const cases: [string, unknown, RequestOptions?][] = [
    ['person.scheme', 'farmer'],
    ['person.category', 'child'],
    ['person.category', 'retired'], // an employee category for a resident
    ['institution.level', 'quaternary'],
    ['institution.type', 'spa'],
    ['visit.kind', 'dental'],
    ['visit.scope', 'abroad'],
    ['visit.department', 'surgery'],
    [
      'visit.referral.direction',
      'sideways',
      { institution: SECONDARY, visit: { referral: { fromLevel: 'primary', direction: 'up', filed: true } } },
    ],
    [
      'visit.referral.fromLevel',
      'national',
      { institution: SECONDARY, visit: { referral: { fromLevel: 'primary', direction: 'up', filed: true } } },
    ],
    [
      'visit.ePrescription.fromLevel',
      'national',
      { institution: PHARMACY, visit: { kind: 'pharmacy', ePrescription: { fromLevel: 'primary' } } },
    ],
    ['items.0.class', 'C'],
    ['items.0.kind', 'food'],
  ];
  for (const [path, value, o] of cases) {
    const field = path.replace(/\.(\d+)\./, '[$1].');
    it(`${field} = ${JSON.stringify(value)}`, () => {
      expectError(withField(path, value, o), field, 'invalid_enum');
    });
  }
});

describe('amounts: negative, non-finite, more than two decimals, not a number (invalid_amount)', () => {
  const cases: [string, unknown, RequestOptions?][] = [
    ['items.0.unitPrice', -1],
    ['items.0.unitPrice', Number.POSITIVE_INFINITY],
    ['items.0.unitPrice', Number.NaN],
    ['items.0.unitPrice', 10.001],
    ['items.0.unitPrice', '10.00'],
    ['items.0.priceStandard', 1.234],
    ['items.0.paymentLimit', -0.01],
    ['person.accountBalance', 1.005],
    ['ytd.outpatientFundPaid', -5],
    ['ytd.inpatientFundPaid', 0.125],
    [
      'visit.referral.linkedDeductiblePaid',
      -1,
      {
        institution: SECONDARY,
        visit: { kind: 'inpatient', referral: { fromLevel: 'primary', direction: 'up', filed: true } },
      },
    ],
  ];
  for (const [path, value, o] of cases) {
    const field = path.replace(/\.(\d+)\./, '[$1].');
    it(`${field} = ${String(value)}`, () => {
      expectError(withField(path, value, o), field, 'invalid_amount');
    });
  }

  it('two decimals are fine', () => {
    expect(settleRaw(withField('items.0.unitPrice', 10.01)).totalCost).toBe(10.01);
  });
});

describe('extra decimals far to the right are still extra decimals (CALC_CONTRACT.md "Errors", §8 "Numbers")', () => {
  // 10.000001 has six decimals, 1.00000001 eight, 0.10000001 eight: each is "more than two / four
  // decimals" and must be refused, not silently rounded to 10.00 / 1 / 0.1.
  it('items[0].unitPrice = 10.000001 is refused', () => {
    expectError(withField('items.0.unitPrice', 10.000001), 'items[0].unitPrice', 'invalid_amount');
  });
  it('items[0].quantity = 1.00000001 is refused', () => {
    expectError(withField('items.0.quantity', 1.00000001), 'items[0].quantity', 'invalid_quantity');
  });
  it('items[0].selfPayRatio = 0.10000001 is refused', () => {
    expectError(
      request({ items: [classB(100, { kind: 'service', selfPayRatio: 0.10000001 })] }),
      'items[0].selfPayRatio',
      'invalid_ratio',
    );
  });
  it('every genuine two-decimal amount is accepted exactly (0.01 … 99.99 and large ones)', () => {
    for (let f = 1; f < 10_000; f += 7) {
      expect(settleRaw(withField('items.0.unitPrice', f / 100)).totalCost).toBe(f / 100);
    }
    expect(settleRaw(withField('items.0.unitPrice', 123456789.01)).totalCost).toBe(123456789.01);
  });
});

describe('quantity: positive, at most four decimals (invalid_quantity)', () => {
  for (const q of [0, -1, 1.00001, Number.POSITIVE_INFINITY]) {
    it(`items[0].quantity = ${String(q)}`, () => {
      expectError(withField('items.0.quantity', q), 'items[0].quantity', 'invalid_quantity');
    });
  }

  it('four decimals are fine: 1.2345 × 10.00 = 12.345 → 12.35 (half up)', () => {
    expect(settleRaw(request({ items: [classA(10, { quantity: 1.2345 })] })).totalCost).toBe(12.35);
  });
});

describe('selfPayRatio outside 0–1 or with more than four decimals (invalid_ratio)', () => {
  for (const v of [1.5, -0.1, 0.12345]) {
    it(`items[0].selfPayRatio = ${String(v)}`, () => {
      expectError(
        request({ items: [classB(100, { kind: 'service', selfPayRatio: v })] }),
        'items[0].selfPayRatio',
        'invalid_ratio',
      );
    });
  }

  it('0 and 1 are within range', () => {
    // service B 100 at primary: ratio 0 -> first self 0; ratio 1 -> first self 100.
    expect(
      settleRaw(request({ items: [classB(100, { kind: 'service', selfPayRatio: 0 })] })).firstSelfPay,
    ).toBe(0);
    expect(
      settleRaw(request({ items: [classB(100, { kind: 'service', selfPayRatio: 1 })] })).firstSelfPay,
    ).toBe(100);
  });
});

describe('institution type vs level, and vs visit kind (§8 "Level")', () => {
  it('community_centre at tertiary', () => {
    expectError(
      request({ institution: { level: 'tertiary', type: 'community_centre' } }),
      'institution.level',
      'institution_level_mismatch',
    );
  });
  it('general_hospital at primary', () => {
    expectError(
      request({ institution: { level: 'primary', type: 'general_hospital' } }),
      'institution.level',
      'institution_level_mismatch',
    );
  });
  it('tcm_hospital at primary', () => {
    expectError(
      request({ institution: { level: 'primary', type: 'tcm_hospital' } }),
      'institution.level',
      'institution_level_mismatch',
    );
  });
  it('a pharmacy with a level', () => {
    expectError(
      request({ institution: { level: 'primary', type: 'pharmacy' }, visit: { kind: 'pharmacy' } }),
      'institution.level',
      'institution_level_mismatch',
    );
  });
  it('a hospital without a level', () => {
    expectError(
      request({ institution: { type: 'general_hospital' } }),
      'institution.level',
      'institution_level_mismatch',
    );
  });
  it('an internet hospital may have any level', () => {
    for (const level of ['primary', 'secondary', 'tertiary']) {
      expect(() =>
        settleRaw(
          request({ institution: { level, type: 'internet_hospital' }, visit: { kind: 'emergency' } }),
        ),
      ).not.toThrow();
    }
  });
  it('kind pharmacy at a non-pharmacy', () => {
    expectError(request({ visit: { kind: 'pharmacy' } }), 'visit.kind', 'visit_kind_mismatch');
  });
  it('a pharmacy with a kind other than pharmacy', () => {
    expectError(
      request({ institution: PHARMACY, visit: { kind: 'outpatient' } }),
      'visit.kind',
      'visit_kind_mismatch',
    );
  });
  it('an e-prescription whose type does not go with its level', () => {
    expectError(
      request({
        institution: PHARMACY,
        visit: { kind: 'pharmacy', ePrescription: { fromLevel: 'tertiary', fromType: 'community_centre' } },
      }),
      'visit.ePrescription.fromType',
      'institution_level_mismatch',
    );
  });
  it('a referral to a pharmacy', () => {
    expectError(
      request({
        institution: PHARMACY,
        visit: { kind: 'pharmacy', referral: { fromLevel: 'primary', direction: 'up', filed: true } },
      }),
      'visit.referral',
    );
  });
});

describe('referral direction contradicting the levels (§8 "Referral direction")', () => {
  const cases: [string, string, string][] = [
    ['primary', 'tertiary', 'down'],
    ['primary', 'secondary', 'lateral'],
    ['tertiary', 'secondary', 'up'],
    ['secondary', 'secondary', 'up'],
    ['secondary', 'primary', 'lateral'],
  ];
  for (const [fromLevel, level, direction] of cases) {
    it(`${fromLevel} → ${level} is not "${direction}"`, () => {
      const institution =
        level === 'primary' ? { level, type: 'community_centre' } : { level, type: 'general_hospital' };
      expectError(
        request({
          institution,
          visit: { kind: 'inpatient', referral: { fromLevel, direction, filed: true } },
        }),
        'visit.referral.direction',
        'referral_direction',
      );
    });
  }
  it('the agreeing directions are accepted', () => {
    expect(() =>
      settleRaw(
        request({
          institution: SECONDARY,
          visit: {
            kind: 'inpatient',
            referral: { fromLevel: 'secondary', direction: 'lateral', filed: true },
          },
        }),
      ),
    ).not.toThrow();
    expect(() =>
      settleRaw(
        request({
          visit: { kind: 'inpatient', referral: { fromLevel: 'tertiary', direction: 'down', filed: true } },
        }),
      ),
    ).not.toThrow();
  });
});

describe('diagnosis required for chronic and special visits (§8 "Diagnosis")', () => {
  it('chronic_outpatient without diagnosis', () => {
    expectError(request({ visit: { kind: 'chronic_outpatient' } }), 'visit.diagnosis', 'required');
  });
  it('special_outpatient without diagnosis', () => {
    expectError(
      request({ visit: { kind: 'special_outpatient', diagnosis: null } }),
      'visit.diagnosis',
      'required',
    );
  });
});

describe('missing required fields', () => {
  const required: string[] = [
    'region',
    'date',
    'person.scheme',
    'person.category',
    'institution.type',
    'visit.kind',
    'items.0.code',
    'items.0.kind',
    'items.0.class',
    'items.0.quantity',
    'items.0.unitPrice',
  ];
  for (const path of required) {
    const field = path.replace(/\.(\d+)\./, '[$1].');
    it(`${field} missing`, () => {
      expectError(withField(path, DELETE), field, 'required');
    });
  }

  for (const path of ['person', 'institution', 'visit']) {
    it(`${path} missing`, () => {
      expectError(withField(path, DELETE), path);
    });
  }

  it('items missing', () => {
    expectError(withField('items', DELETE), 'items', 'required');
  });

  it('items empty', () => {
    expectError(withField('items', []), 'items');
  });

  it('items not an array; a line not an object; chronicDiseases not an array', () => {
    expectError(withField('items', {}), 'items');
    expectError(withField('items', [42]), 'items[0]');
    expectError(withField('person.chronicDiseases', 'I10'), 'person.chronicDiseases');
  });

  it('the request itself not an object', () => {
    expect(errorOf(null).field).toBe('request');
    expect(errorOf([]).field).toBe('request');
  });
});

describe('items[i].refusedBy', () => {
  it('a rule id is accepted; anything else names the field', () => {
    expect(() => settleRaw(request({ items: [classA(5, { refusedBy: 'R-D10' })] }))).not.toThrow();
    expect(() => settleRaw(request({ items: [classA(5, { refusedBy: 'F-05' })] }))).not.toThrow();
    expectError(
      request({ items: [classA(5, { refusedBy: 'because' })] }),
      'items[0].refusedBy',
      'invalid_rule',
    );
    expectError(request({ items: [classA(5, { refusedBy: 10 })] }), 'items[0].refusedBy', 'invalid_rule');
  });
});
