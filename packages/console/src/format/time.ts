// A moment the service sends (ISO 8601, UTC) shown in the browser's own time, to the minute.

/** '2026-12-07T09:30:00Z' → '2026-12-07 17:30' (in UTC+8); '—' for never. */
export function formatTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
