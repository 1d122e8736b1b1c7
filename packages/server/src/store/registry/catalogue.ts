// institution_catalogue: an institution's drug stock list and service items with prices (R-A14).
import { toFen } from '@yibao/engine';
import type { Queryable } from '../../db/types.js';

export interface CatalogueEntry {
  code: string;
  name: string;
  genericName?: string | null; // 通用名
  dosageForm?: string | null; // 剂型
  price?: number | null; // yuan
}

export interface CatalogueInput {
  drugs: CatalogueEntry[];
  services: CatalogueEntry[];
}

export async function catalogueOf(db: Queryable, institutionId: string): Promise<CatalogueInput> {
  const rows = await db.query<{
    list: 'drug' | 'service';
    code: string;
    name: string;
    generic_name: string | null;
    dosage_form: string | null;
    price_fen: number | null;
  }>(
    `SELECT list, code, name, generic_name, dosage_form, price_fen FROM institution_catalogue WHERE institution_id = $1 ORDER BY list, code`,
    [institutionId],
  );
  const entry = (r: (typeof rows)[number]): CatalogueEntry => ({
    code: r.code,
    name: r.name,
    genericName: r.generic_name,
    dosageForm: r.dosage_form,
    price: r.price_fen === null ? null : r.price_fen / 100,
  });
  return {
    drugs: rows.filter((r) => r.list === 'drug').map(entry),
    services: rows.filter((r) => r.list === 'service').map(entry),
  };
}

/** Replaces the institution's lists whole. */
export async function replaceCatalogue(
  db: Queryable,
  institutionId: string,
  input: CatalogueInput,
): Promise<void> {
  await db.query('DELETE FROM institution_catalogue WHERE institution_id = $1', [institutionId]);
  const lists: ['drug' | 'service', CatalogueEntry[]][] = [
    ['drug', input.drugs],
    ['service', input.services],
  ];
  const rows = lists.flatMap(([list, entries]) =>
    entries.map((e) => ({
      list,
      code: e.code,
      name: e.name,
      generic_name: e.genericName ?? null,
      dosage_form: e.dosageForm ?? null,
      price_fen: e.price === undefined || e.price === null ? null : toFen(e.price),
    })),
  );
  await db.query(
    `INSERT INTO institution_catalogue (institution_id, list, code, name, generic_name, dosage_form, price_fen)
     SELECT $1, list, code, name, generic_name, dosage_form, price_fen
     FROM jsonb_to_recordset($2::jsonb) AS x(list text, code text, name text, generic_name text, dosage_form text, price_fen bigint)`,
    [institutionId, JSON.stringify(rows)],
  );
}
