// 价格标准 by institution level (R-C11). An entry holds each level's price it was given; for
// interventional and surgical items (stepDown) a missing lower level is the level above less 10 %,
// rounded to the fen half up, one level at a time (tertiary → secondary → primary), and the answer
// says it was derived. Nothing else is derived: other items hold every level or one for all.
import type { CatalogueEntry, Level, PriceByLevel } from './types.js';

export type PriceSource = 'catalogue' | 'derived_step_down' | 'none';

export interface LevelPrice {
  fen: number | null;
  source: PriceSource;
  /** For a derived price: the level whose explicit price it was derived from, and the steps. */
  from?: Level;
  steps?: number;
}

const ORDER: readonly Level[] = ['primary', 'secondary', 'tertiary'];

/** 90 % of an amount in fen, half up. */
export function stepDownOnce(fen: number): number {
  const n = fen * 9;
  const q = Math.floor(n / 10);
  return n - q * 10 >= 5 ? q + 1 : q;
}

export function priceAtLevel(
  priceStandard: PriceByLevel | null,
  stepDown: boolean,
  level: Level,
): LevelPrice {
  if (priceStandard === null) return { fen: null, source: 'none' };
  const own = priceStandard[level];
  if (own !== null) return { fen: own, source: 'catalogue' };
  if (!stepDown) return { fen: null, source: 'none' };
  for (let i = ORDER.indexOf(level) + 1, steps = 1; i < ORDER.length; i++, steps++) {
    const above = ORDER[i] as Level;
    const fen = priceStandard[above];
    if (fen !== null) {
      let v = fen;
      for (let s = 0; s < steps; s++) v = stepDownOnce(v);
      return { fen: v, source: 'derived_step_down', from: above, steps };
    }
  }
  return { fen: null, source: 'none' };
}

/** Every level's price as settlement would use it (explicit or derived), for display. */
export function effectivePrices(
  entry: Pick<CatalogueEntry, 'priceStandard' | 'stepDown'>,
): Record<Level, LevelPrice> {
  return {
    primary: priceAtLevel(entry.priceStandard, entry.stepDown, 'primary'),
    secondary: priceAtLevel(entry.priceStandard, entry.stepDown, 'secondary'),
    tertiary: priceAtLevel(entry.priceStandard, entry.stepDown, 'tertiary'),
  };
}
