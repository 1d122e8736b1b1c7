// The evaluator registry: one typed evaluator per family (规则类别), keyed by the family name the
// policy files write. A rule whose family is not here fails to load with its file and line.
import { BATCH_FAMILIES } from './batch.js';
import type { Family } from './family.js';
import { IN_SETTLEMENT_FAMILIES } from './in-settlement.js';

export const FAMILIES: ReadonlyMap<string, Family> = new Map<string, Family>([
  ...(Object.entries(IN_SETTLEMENT_FAMILIES) as [string, Family][]),
  ...(Object.entries(BATCH_FAMILIES) as [string, Family][]),
]);
