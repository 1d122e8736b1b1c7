// 机构药品库存目录与服务项目价格 (R-A14): replaced as a whole when the institution reports a change.
import type { Database, Queryable } from '../db/types.js';
import { Invalid } from '../domain/errors.js';
import { isYuanAmount } from '@yibao/engine';
import { catalogueOf, replaceCatalogue, type CatalogueInput } from '../store/registry/catalogue.js';
import { recordVersion, type Change } from './history.js';
import { mustFindInstitution } from './designation.js';

export type { CatalogueEntry, CatalogueInput } from '../store/registry/catalogue.js';

export async function readCatalogue(
  db: Queryable,
  institutionId: string,
): Promise<CatalogueInput & { institutionId: string }> {
  await mustFindInstitution(db, institutionId, 'id');
  return { institutionId, ...(await catalogueOf(db, institutionId)) };
}

export async function putCatalogue(
  db: Database,
  institutionId: string,
  input: CatalogueInput,
  change: Change,
): Promise<CatalogueInput> {
  for (const [entries, field] of [
    [input.drugs, 'drugs'],
    [input.services, 'services'],
  ] as const) {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.code)) throw new Invalid(`${field}[${i}].code`, 'duplicate', `编码 ${e.code} 重复`);
      seen.add(e.code);
      if (e.price !== undefined && e.price !== null && !isYuanAmount(e.price)) {
        throw new Invalid(`${field}[${i}].price`, 'invalid_amount', '价格须为非负金额，至多两位小数');
      }
    });
  }
  return db.transaction(async (tx) => {
    await mustFindInstitution(tx, institutionId, 'id');
    await replaceCatalogue(tx, institutionId, input);
    const after = await readCatalogue(tx, institutionId);
    await recordVersion(tx, 'catalogue', institutionId, after, change);
    return after;
  });
}
