// 机构药品库存目录与服务项目价格 (R-A14): replaced as a whole when the institution reports a change.
import type { Database, Queryable } from '../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { isYuanAmount } from '../store/money.js';
import { recordVersion, type Change } from './history.js';
import { institutionView } from './institutions.js';

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

export async function readCatalogue(
  db: Queryable,
  institutionId: string,
): Promise<CatalogueInput & { institutionId: string }> {
  if (!(await institutionView(db, institutionId))) throw notFound('定点医药机构', 'id', institutionId);
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
    institutionId,
    drugs: rows.filter((r) => r.list === 'drug').map(entry),
    services: rows.filter((r) => r.list === 'service').map(entry),
  };
}

export async function putCatalogue(
  db: Database,
  institutionId: string,
  input: CatalogueInput,
  change: Change,
): Promise<CatalogueInput> {
  const lists: ['drug' | 'service', CatalogueEntry[], string][] = [
    ['drug', input.drugs, 'drugs'],
    ['service', input.services, 'services'],
  ];
  for (const [, entries, field] of lists) {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.code))
        throw new ApiError(400, 'duplicate', `编码 ${e.code} 重复`, `${field}[${i}].code`);
      seen.add(e.code);
      if (e.price !== undefined && e.price !== null && !isYuanAmount(e.price)) {
        throw new ApiError(400, 'invalid_amount', '价格须为非负金额，至多两位小数', `${field}[${i}].price`);
      }
    });
  }
  return db.transaction(async (tx) => {
    if (!(await institutionView(tx, institutionId))) throw notFound('定点医药机构', 'id', institutionId);
    await tx.query('DELETE FROM institution_catalogue WHERE institution_id = $1', [institutionId]);
    const rows = lists.flatMap(([list, entries]) =>
      entries.map((e) => ({
        list,
        code: e.code,
        name: e.name,
        generic_name: e.genericName ?? null,
        dosage_form: e.dosageForm ?? null,
        price_fen: e.price === undefined || e.price === null ? null : Math.round(e.price * 100),
      })),
    );
    await tx.query(
      `INSERT INTO institution_catalogue (institution_id, list, code, name, generic_name, dosage_form, price_fen)
       SELECT $1, list, code, name, generic_name, dosage_form, price_fen
       FROM jsonb_to_recordset($2::jsonb) AS x(list text, code text, name text, generic_name text, dosage_form text, price_fen bigint)`,
      [institutionId, JSON.stringify(rows)],
    );
    const after = await readCatalogue(tx, institutionId);
    await recordVersion(tx, 'catalogue', institutionId, after, change);
    return after;
  });
}
