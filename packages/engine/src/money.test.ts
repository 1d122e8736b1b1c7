// The money module shared by engine, server and console: conversions and display are exact in fen.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuan, groupedYuan, isYuanAmount, toFen } from './money.js';

describe('money (金额)', () => {
  it('accepts exactly the amounts of at most two decimals', () => {
    expect(isYuanAmount(12.3)).toBe(true);
    expect(isYuanAmount(0)).toBe(true);
    expect(isYuanAmount(12.345)).toBe(false);
    expect(isYuanAmount(-1)).toBe(false);
    expect(isYuanAmount(Number.NaN)).toBe(false);
    expect(isYuanAmount(Number.POSITIVE_INFINITY)).toBe(false);
    expect(isYuanAmount(0.1 + 0.2)).toBe(false); // 0.30000000000000004 is not a two-decimal amount
  });

  it('groups thousands and keeps both decimals', () => {
    expect(groupedYuan(0)).toBe('0.00');
    expect(groupedYuan(5)).toBe('0.05');
    expect(groupedYuan(123456789)).toBe('1,234,567.89');
    expect(groupedYuan(-100050)).toBe('-1,000.50');
  });

  it('round-trips every fen amount through yuan and back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => {
        expect(isYuanAmount(fenToYuan(fen))).toBe(true);
        expect(toFen(fenToYuan(fen))).toBe(fen);
        expect(groupedYuan(fen).replace(/,/g, '')).toBe((fen / 100).toFixed(2));
      }),
    );
  });
});
