import { describe, expect, it } from 'vitest';
import { newSettlementId } from './ids.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newSettlementId', () => {
  it('is a UUID version 7 whose first 48 bits are the millisecond timestamp', () => {
    const now = Date.UTC(2026, 10, 23, 9, 45, 12, 345);
    const id = newSettlementId(now);
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts as text in time order, and repeats no id within a millisecond', () => {
    const earlier = Array.from({ length: 500 }, () => newSettlementId(1_795_000_000_000));
    const later = newSettlementId(1_795_000_000_001);
    expect(new Set(earlier).size).toBe(500);
    for (const id of earlier) expect(id < later).toBe(true);
  });
});
