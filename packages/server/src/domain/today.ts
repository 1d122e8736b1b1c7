// 今天: the one business date every rule that depends on "today" reads (SERVICE_CONTRACT.md § Catalogue
// and records): the date in China Standard Time (UTC+8, no daylight saving) from the clock, or
// YIBAO_TODAY (YYYY-MM-DD) when that is set — tests, demos and acceptance checks.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date in China Standard Time of the instant `ms` (epoch milliseconds). */
export function cstDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** YIBAO_TODAY when set to a real date, else undefined (the clock decides). */
export function fixedToday(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env['YIBAO_TODAY'];
  if (v === undefined || v === '') return undefined;
  if (!ISO_DATE.test(v) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
    throw new Error(`YIBAO_TODAY=${v} is not a date (YYYY-MM-DD)`);
  return v;
}

/** Today's business date (China Standard Time, or YIBAO_TODAY). */
export function today(now: number = Date.now(), env: NodeJS.ProcessEnv = process.env): string {
  return fixedToday(env) ?? cstDate(now);
}

/** Minutes a caller's clock may run ahead of ours (YIBAO_CLOCK_SKEW_MINUTES, default 10). */
export function clockSkewMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['YIBAO_CLOCK_SKEW_MINUTES'];
  const n = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`YIBAO_CLOCK_SKEW_MINUTES=${String(raw)} is not a number of minutes`);
  return n;
}

/**
 * The latest visit date a settlement accepts: today, or — a few minutes before midnight in China
 * Standard Time — tomorrow when the caller's clock may be that far ahead. YIBAO_TODAY fixes it.
 */
export function latestVisitDate(
  skewMinutes: number,
  now: number = Date.now(),
  env: NodeJS.ProcessEnv = process.env,
): string {
  return fixedToday(env) ?? cstDate(now + skewMinutes * 60_000);
}
