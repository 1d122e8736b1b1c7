// Yuan (元, the contract's unit) ↔ fen (分, the storage unit). Engine results carry at most two
// decimals, so rounding to the nearest fen only removes binary floating-point noise.
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** True when `yuan` is a finite, non-negative amount with at most two decimals. */
export function isYuanAmount(yuan: number): boolean {
  return Number.isFinite(yuan) && yuan >= 0 && Math.abs(yuan * 100 - Math.round(yuan * 100)) < 1e-6;
}
