import { describe, expect, it } from 'vitest';
import { emptyDraft, parseDraft, toPreviewRequest } from './draft';
import { hasAtMostDecimals } from './validation';

describe('a hand-built visit', () => {
  it('becomes the preview request of the contract: ratios only for Class B, consent only for self-paid', () => {
    const draft = { ...emptyDraft('2026-03-01'), personId: 'P1', institutionId: 'C1', diagnosis: ' e11 ' };
    const request = toPreviewRequest(draft);
    expect(request).toMatchObject({ personId: 'P1', institutionId: 'C1', date: '2026-03-01' });
    expect(request.visit).toEqual({
      kind: 'outpatient',
      department: 'general',
      scope: 'in_county',
      diagnosis: 'E11',
      referral: null,
      useAccount: false,
    });
    expect(request.items.map((i) => [i.class, i.selfPayRatio, i.consent])).toEqual([
      ['A', undefined, undefined],
      ['B', 0.1, undefined],
      ['self', undefined, true],
    ]);
  });

  it('sends a referral only when filed with its level and direction', () => {
    const base = { ...emptyDraft('2026-03-01'), referral: true, referralFromLevel: 'primary' };
    expect(toPreviewRequest(base).visit.referral).toBeNull();
    expect(toPreviewRequest({ ...base, referralDirection: 'up' }).visit.referral).toEqual({
      fromLevel: 'primary',
      direction: 'up',
      filed: true,
    });
  });

  it('reads a draft from the URL, and ignores one that is not JSON', () => {
    expect(parseDraft('{"personId":"P1"}')).toEqual({ personId: 'P1' });
    expect(parseDraft('not json')).toBeUndefined();
    expect(parseDraft(undefined)).toBeUndefined();
  });

  it('checks decimals the way the contract counts them', () => {
    expect(hasAtMostDecimals(10.25, 2)).toBe(true);
    expect(hasAtMostDecimals(0.1 + 0.2, 2)).toBe(true);
    expect(hasAtMostDecimals(1.234, 2)).toBe(false);
    expect(hasAtMostDecimals(-1, 2)).toBe(false);
    expect(hasAtMostDecimals(1.2345, 4)).toBe(true);
  });
});
