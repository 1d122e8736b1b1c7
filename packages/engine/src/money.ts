// Money is integer fen (分). Every product of an amount and a rate is rounded half up to the fen at
// the step that makes it (REFERENCE_POLICY.md, preamble) — never in binary floating point.

/** Yuan with at most two decimals (already validated) to integer fen. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * True when `yuan` is a finite, non-negative amount with at most two decimals: exactly the doubles
 * nearest some fen/100 (the test the engine's request parser applies, `request/fields.ts`).
 */
export function isYuanAmount(yuan: number): boolean {
  return Number.isFinite(yuan) && yuan >= 0 && Math.round(yuan * 100) / 100 === yuan;
}

/** Integer fen to yuan as a JSON number (exact for two decimals). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Round a non-negative exact fraction numerator/denominator half up, in integers. */
function divideHalfUp(numerator: number, denominator: number): number {
  if (Number.isSafeInteger(numerator)) {
    const remainder = numerator % denominator;
    const quotient = (numerator - remainder) / denominator;
    return remainder * 2 >= denominator ? quotient + 1 : quotient;
  }
  // Products past 2^53 (huge quantities × prices) fall back to exact big integers.
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  return Number((n - q * d) * 2n >= d ? q + 1n : q);
}

/** Exact product of two safe integers, as a BigInt-backed number when it leaves the safe range. */
function multiplyThenDivideHalfUp(a: number, b: number, denominator: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return divideHalfUp(product, denominator);
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(denominator);
  const q = n / d;
  return Number((n - q * d) * 2n >= d ? q + 1n : q);
}

/** Quantities carry at most four decimals: they travel as integer ten-thousandths. */
export const QUANTITY_SCALE = 10_000;
/** Ratios (selfPayRatio) carry at most four decimals: integer ten-thousandths. */
export const RATIO_SCALE = 10_000;

/** quantity (ten-thousandths) × price (fen), rounded half up to the fen. */
export function priceLine(quantityScaled: number, priceFen: number): number {
  return multiplyThenDivideHalfUp(quantityScaled, priceFen, QUANTITY_SCALE);
}

/** amount (fen) × ratio (ten-thousandths), rounded half up to the fen. */
export function applyRatio(amountFen: number, ratioScaled: number): number {
  return multiplyThenDivideHalfUp(amountFen, ratioScaled, RATIO_SCALE);
}

/** amount (fen) × rate (whole percentage points), rounded half up to the fen. */
export function applyPercent(amountFen: number, ratePercent: number): number {
  return multiplyThenDivideHalfUp(amountFen, ratePercent, 100);
}

const CENTS = Array.from({ length: 100 }, (_, c) => (c < 10 ? `.0${c}元` : `.${c}元`));

/** "12.30元" for trace sentences (hot: every trace event formats amounts). */
export function formatYuan(fen: number): string {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  return (fen < 0 ? '-' : '') + String((abs - cents) / 100) + (CENTS[cents] ?? '');
}

/** "1,234.50" for statements and the console: thousands grouped, both decimals, computed in fen. */
export function groupedYuan(fen: number): string {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  const whole = String((abs - cents) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (fen < 0 ? '-' : '') + whole + (cents < 10 ? '.0' : '.') + String(cents);
}
