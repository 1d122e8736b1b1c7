// "Today" for the catalogue's defaults (validFrom, ?date=, effectiveFrom): the business date in
// China Standard Time, or YIBAO_TODAY (YYYY-MM-DD) when set — SERVICE_CONTRACT.md's one date.
// When the service gains a shared clock module this defers to it.
const CST_OFFSET_MS = 8 * 3_600_000;

export function businessToday(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const fixed = env['YIBAO_TODAY'];
  if (fixed !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
