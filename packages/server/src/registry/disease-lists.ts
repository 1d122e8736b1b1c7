// The disease code lists of a region's policy in force on a date (policy diseases.chronic / .special).
import type { PolicyBook } from '@yibao/engine';
import type { DiseaseLists } from './care/index.js';

export function diseaseListsOf(book: PolicyBook): DiseaseLists {
  return (region, date) => {
    const segments = book.regions.get(region)?.segments ?? [];
    const segment = [...segments].reverse().find((s) => s.from <= date);
    return segment
      ? { chronic: segment.region.chronicDiseaseCodes, special: segment.region.specialDiseaseCodes }
      : undefined;
  };
}
