import { describe, expect, it } from 'vitest';
import { fieldPath } from './apiErrors';

describe('fieldPath', () => {
  it('reads the service’s field names as form paths', () => {
    expect(fieldPath('reason')).toEqual(['reason']);
    expect(fieldPath('criteria[2].evidence')).toEqual(['criteria', 2, 'evidence']);
    expect(fieldPath('changes.indicators.drugCostShareMax')).toEqual([
      'changes',
      'indicators',
      'drugCostShareMax',
    ]);
    expect(fieldPath('items[10]')).toEqual(['items', 10]);
  });
});
