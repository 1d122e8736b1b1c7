// Exact arithmetic for paying institutions (PAYMENT_POLICY.md preamble): money in integer fen, points
// in hundredths, point values in ten-thousandths of a yuan, coefficients in hundredths, rates in whole
// percent. Every product or quotient is exact (BigInt) and rounded once, half away from zero: a
// negative amount rounds as its absolute value does.

/** round(Π numerators ÷ Π denominators), half away from zero; every factor an integer, denominators > 0. */
export function roundQuotient(numerators: readonly number[], denominators: readonly number[] = []): number {
  let n = 1n;
  for (const f of numerators) n *= BigInt(f);
  let d = 1n;
  for (const f of denominators) d *= BigInt(f);
  if (d <= 0n) throw new RangeError('roundQuotient: the denominator must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const rounded = (abs - q * d) * 2n >= d ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

/** round(amount × p%), half away from zero. */
export function percentOf(amount: number, percent: number): number {
  return roundQuotient([amount, percent], [100]);
}

/** Days in a calendar year (365 or 366). */
export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** The last day of a month, YYYY-MM-DD. */
export function lastDayOf(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

/** Days in a calendar month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "YYYY-MM" of a date or of a year and month. */
export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Fen as "1,234.50" with a sign: for explanations. */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const whole = String((abs - cents) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/** Hundredths of a point as "990.00". */
export function pointsText(points: number): string {
  return yuanText(points);
}

/** Ten-thousandths of a yuan as "12.5000". */
export function pointValueText(v: number): string {
  const abs = Math.abs(v);
  const frac = abs % 10_000;
  return `${v < 0 ? '-' : ''}${(abs - frac) / 10_000}.${String(frac).padStart(4, '0')}`;
}
