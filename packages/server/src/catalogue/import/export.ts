// 目录导出: entries as a CSV of the Yibao layout (layouts.ts), which the importer reads back to the
// same entries — the way an agency hands its catalogue to institutions or to another system.
import type { CatalogueEntry } from '../types.js';

const HEADER = [
  'code',
  'name',
  'kind',
  'class',
  'selfPayRatio',
  'paymentLimit',
  'pricePrimary',
  'priceSecondary',
  'priceTertiary',
  'stepDown',
  'publicHealth',
  'fixedSelfPay',
  'volumeProcurement',
  'genericName',
  'dosageForm',
  'unit',
  'restrictedScope',
  'validFrom',
  'validTo',
] as const;

const yuan = (fen: number | null): string => (fen === null ? '' : (fen / 100).toFixed(2));
const ratio = (scaled: number | null): string => (scaled === null ? '' : String(scaled / 10_000));
const flag = (b: boolean): string => (b ? '1' : '0');

/** RFC 4180 quoting when a field needs it. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function catalogueToCsv(entries: readonly CatalogueEntry[]): string {
  const lines = [HEADER.join(',')];
  for (const e of entries) {
    const p = e.priceStandard;
    lines.push(
      [
        e.code,
        e.name,
        e.kind,
        e.class,
        ratio(e.selfPayRatio),
        yuan(e.paymentLimit),
        yuan(p?.primary ?? null),
        yuan(p?.secondary ?? null),
        yuan(p?.tertiary ?? null),
        flag(e.stepDown),
        flag(e.publicHealth),
        flag(e.fixedSelfPay),
        flag(e.volumeProcurement),
        e.genericName ?? '',
        e.dosageForm ?? '',
        e.unit ?? '',
        e.restrictedScope ?? '',
        e.validFrom,
        e.validTo ?? '',
      ]
        .map(field)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
