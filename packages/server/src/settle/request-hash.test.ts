import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from './request-hash.js';

/** Shuffles every object's keys, deep: the same JSON value written in another key order. */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reordered(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length] as [string, unknown]).reverse();
  return Object.fromEntries(rotated.map(([k, v]) => [k, reordered(v, seed + 1)]));
}

describe('requestHash', () => {
  it('hashes the same body in any key order alike, and JSON.parse reads back the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(requestHash(reordered(value, seed))).toBe(requestHash(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('tells different bodies apart', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b) && canonicalJson(a) !== canonicalJson(b));
        expect(requestHash(a)).not.toBe(requestHash(b));
      }),
    );
  });

  it('writes keys sorted by code unit and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: '中' }], B: null })).toBe(
      '{"B":null,"a":[{"c":"中"}],"b":1}',
    );
  });

  it('writes exactly what the previous version wrote, so hashes stored before still match a retry', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(previousCanonical(value));
      }),
    );
  });
});

// The previous implementation (entries, filter, sort, map), kept here only as the reference.
function previousCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(previousCanonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${previousCanonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
