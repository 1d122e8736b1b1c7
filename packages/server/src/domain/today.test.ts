import { describe, expect, it } from 'vitest';
import { cstDate, latestVisitDate, today } from './today.js';

describe('today (China Standard Time, or YIBAO_TODAY)', () => {
  it('is the date in UTC+8: 16:00 UTC is already the next day', () => {
    expect(cstDate(Date.UTC(2026, 0, 1, 15, 59))).toBe('2026-01-01');
    expect(cstDate(Date.UTC(2026, 0, 1, 16, 0))).toBe('2026-01-02');
    expect(today(Date.UTC(2026, 11, 31, 16, 30), {})).toBe('2027-01-01');
  });
  it('YIBAO_TODAY fixes it; an impossible one is an error', () => {
    expect(today(Date.UTC(2026, 0, 1), { YIBAO_TODAY: '2026-07-15' })).toBe('2026-07-15');
    expect(() => today(0, { YIBAO_TODAY: '2026-02-30' })).toThrow(/YIBAO_TODAY/);
  });
  it('the latest visit date allows the clock skew around midnight', () => {
    const nearMidnight = Date.UTC(2026, 2, 1, 15, 55); // 23:55 in Beijing
    expect(latestVisitDate(0, nearMidnight, {})).toBe('2026-03-01');
    expect(latestVisitDate(10, nearMidnight, {})).toBe('2026-03-02');
    expect(latestVisitDate(10, nearMidnight, { YIBAO_TODAY: '2026-01-01' })).toBe('2026-01-01');
  });
});
