// catalogue_entries rows ↔ CatalogueEntry; catalogue_history holds the same columns, so one
// mapping serves both. Bulk writes send one typed array per column (unnest), which PGlite and
// PostgreSQL both take far faster than JSON.
import type { CatalogueEntry, ItemClass, ItemKind } from '../../catalogue/types.js';

/** [column, SQL array type, value of an entry] in table order. */
const COLUMNS: readonly (readonly [string, string, (e: CatalogueEntry) => unknown])[] = [
  ['code', 'text', (e) => e.code],
  ['valid_from', 'date', (e) => e.validFrom],
  ['valid_to', 'date', (e) => e.validTo],
  ['name', 'text', (e) => e.name],
  ['kind', 'text', (e) => e.kind],
  ['class', 'text', (e) => e.class],
  ['self_pay_ratio', 'integer', (e) => e.selfPayRatio],
  ['payment_limit_fen', 'bigint', (e) => e.paymentLimit],
  ['price_primary_fen', 'bigint', (e) => e.priceStandard?.primary ?? null],
  ['price_secondary_fen', 'bigint', (e) => e.priceStandard?.secondary ?? null],
  ['price_tertiary_fen', 'bigint', (e) => e.priceStandard?.tertiary ?? null],
  ['step_down', 'boolean', (e) => e.stepDown],
  ['public_health', 'boolean', (e) => e.publicHealth],
  ['fixed_self_pay', 'boolean', (e) => e.fixedSelfPay],
  ['volume_procurement', 'boolean', (e) => e.volumeProcurement],
  ['generic_name', 'text', (e) => e.genericName],
  ['dosage_form', 'text', (e) => e.dosageForm],
  ['unit', 'text', (e) => e.unit],
  ['restricted_scope', 'text', (e) => e.restrictedScope],
  ['catalogue_version', 'text', (e) => e.catalogueVersion],
];

export const ENTRY_COLUMN_NAMES = COLUMNS.map(([c]) => c).join(', ');

/** The entry columns as JSON arrays, one per row, in COLUMNS order (fast to read in bulk). */
export const ENTRY_ARRAY = `json_build_array(code, to_char(valid_from, 'YYYY-MM-DD'), to_char(valid_to, 'YYYY-MM-DD'),
  name, kind, class, self_pay_ratio, payment_limit_fen, price_primary_fen, price_secondary_fen, price_tertiary_fen,
  step_down, public_health, fixed_self_pay, volume_procurement, generic_name, dosage_form, unit, restricted_scope,
  catalogue_version)`;

type Cell = string | number | boolean | null;

/** One row of ENTRY_ARRAY back to an entry. */
export function arrayToEntry(a: readonly Cell[]): CatalogueEntry {
  const n = (v: Cell): number | null => (v === null ? null : Number(v));
  const s = (v: Cell): string | null => (v === null ? null : String(v));
  const p = [n(a[8] ?? null), n(a[9] ?? null), n(a[10] ?? null)] as const;
  return {
    code: String(a[0]),
    validFrom: String(a[1]),
    validTo: s(a[2] ?? null),
    name: String(a[3]),
    kind: a[4] as ItemKind,
    class: a[5] as ItemClass,
    selfPayRatio: n(a[6] ?? null),
    paymentLimit: n(a[7] ?? null),
    priceStandard:
      p[0] === null && p[1] === null && p[2] === null
        ? null
        : { primary: p[0], secondary: p[1], tertiary: p[2] },
    stepDown: a[11] === true,
    publicHealth: a[12] === true,
    fixedSelfPay: a[13] === true,
    volumeProcurement: a[14] === true,
    genericName: s(a[15] ?? null),
    dosageForm: s(a[16] ?? null),
    unit: s(a[17] ?? null),
    restrictedScope: s(a[18] ?? null),
    catalogueVersion: String(a[19]),
  };
}

/** The parameters of INSERT_UNNEST: one array per column. */
export function entryArrays(entries: readonly CatalogueEntry[]): unknown[][] {
  return COLUMNS.map(([, , get]) => entries.map(get));
}

const UNNEST = `unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

export const INSERT_UNNEST = `INSERT INTO catalogue_entries (${ENTRY_COLUMN_NAMES}) SELECT * FROM ${UNNEST}`;

/** History rows for entries given as arrays: $21 action[], $22 change_version, $23 actor, $24 reason. */
export const INSERT_HISTORY_UNNEST = `INSERT INTO catalogue_history (${ENTRY_COLUMN_NAMES}, action, change_version, actor, reason)
  SELECT u.*, $22, $23, $24 FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}, $21::text[]) AS u`;
