// catalogue_entries rows ↔ CatalogueEntry, and the column list every read uses.
import type { CatalogueEntry, ItemClass, ItemKind } from '../../catalogue/types.js';

export const ENTRY_COLUMNS = `code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
  name, kind, class, self_pay_ratio, payment_limit_fen, price_primary_fen, price_secondary_fen, price_tertiary_fen,
  step_down, public_health, fixed_self_pay, volume_procurement, generic_name, dosage_form, unit, restricted_scope,
  catalogue_version`;

export interface EntryRow {
  code: string;
  valid_from: string;
  valid_to: string | null;
  name: string;
  kind: ItemKind;
  class: ItemClass;
  self_pay_ratio: number | null;
  payment_limit_fen: number | string | null;
  price_primary_fen: number | string | null;
  price_secondary_fen: number | string | null;
  price_tertiary_fen: number | string | null;
  step_down: boolean;
  public_health: boolean;
  fixed_self_pay: boolean;
  volume_procurement: boolean;
  generic_name: string | null;
  dosage_form: string | null;
  unit: string | null;
  restricted_scope: string | null;
  catalogue_version: string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function rowToEntry(r: EntryRow): CatalogueEntry {
  const p = [num(r.price_primary_fen), num(r.price_secondary_fen), num(r.price_tertiary_fen)] as const;
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    class: r.class,
    selfPayRatio: r.self_pay_ratio,
    paymentLimit: num(r.payment_limit_fen),
    priceStandard:
      p[0] === null && p[1] === null && p[2] === null ? null : { primary: p[0], secondary: p[1], tertiary: p[2] },
    stepDown: r.step_down,
    publicHealth: r.public_health,
    fixedSelfPay: r.fixed_self_pay,
    volumeProcurement: r.volume_procurement,
    genericName: r.generic_name,
    dosageForm: r.dosage_form,
    unit: r.unit,
    restrictedScope: r.restricted_scope,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    catalogueVersion: r.catalogue_version,
  };
}

/** The row as jsonb_to_recordset reads it (see INSERT_FROM_JSON). */
export function entryToRecord(e: CatalogueEntry): Record<string, unknown> {
  return {
    code: e.code,
    valid_from: e.validFrom,
    valid_to: e.validTo,
    name: e.name,
    kind: e.kind,
    class: e.class,
    self_pay_ratio: e.selfPayRatio,
    payment_limit_fen: e.paymentLimit,
    price_primary_fen: e.priceStandard?.primary ?? null,
    price_secondary_fen: e.priceStandard?.secondary ?? null,
    price_tertiary_fen: e.priceStandard?.tertiary ?? null,
    step_down: e.stepDown,
    public_health: e.publicHealth,
    fixed_self_pay: e.fixedSelfPay,
    volume_procurement: e.volumeProcurement,
    generic_name: e.genericName,
    dosage_form: e.dosageForm,
    unit: e.unit,
    restricted_scope: e.restrictedScope,
    catalogue_version: e.catalogueVersion,
  };
}

const RECORD_TYPE = `x(code text, valid_from date, valid_to date, name text, kind text, class text, self_pay_ratio integer,
  payment_limit_fen bigint, price_primary_fen bigint, price_secondary_fen bigint, price_tertiary_fen bigint,
  step_down boolean, public_health boolean, fixed_self_pay boolean, volume_procurement boolean,
  generic_name text, dosage_form text, unit text, restricted_scope text, catalogue_version text)`;

export const INSERT_FROM_JSON = `INSERT INTO catalogue_entries (code, valid_from, valid_to, name, kind, class, self_pay_ratio,
  payment_limit_fen, price_primary_fen, price_secondary_fen, price_tertiary_fen, step_down, public_health,
  fixed_self_pay, volume_procurement, generic_name, dosage_form, unit, restricted_scope, catalogue_version)
  SELECT code, valid_from, valid_to, name, kind, class, self_pay_ratio, payment_limit_fen, price_primary_fen,
    price_secondary_fen, price_tertiary_fen, step_down, public_health, fixed_self_pay, volume_procurement,
    generic_name, dosage_form, unit, restricted_scope, catalogue_version
  FROM jsonb_to_recordset($1::jsonb) AS ${RECORD_TYPE}`;
