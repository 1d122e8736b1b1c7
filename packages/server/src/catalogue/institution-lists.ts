// R-D10 before the benefit: a service item an institution is not approved for (R-C3, item by item),
// or a drug not on its stock list (R-A14), is refused by the fund and borne by the institution.
// An institution with no such list on record is not checked against one (issue 12 §3).
import type { InstitutionLists, ItemKind } from './types.js';

export interface ListRefusal {
  refusedBy: 'R-D10';
  list: 'approved_services' | 'stock_list';
  reason: string; // Chinese, for the trace
}

/** `kind` is the resolved kind (the catalogue's, else the caller's for a 目录外 line). */
export function checkInstitutionLine(
  lists: InstitutionLists,
  kind: ItemKind,
  code: string,
  name = '',
): ListRefusal | null {
  const label = name === '' ? code : `${code} ${name}`;
  if (kind === 'service' && lists.approvedServices !== null && !lists.approvedServices.has(code)) {
    return {
      refusedBy: 'R-D10',
      list: 'approved_services',
      reason: `R-C3/R-D10: ${label} 不在本机构经核准的医疗服务项目内，基金不予支付，由机构承担`,
    };
  }
  if (kind === 'drug' && lists.stockDrugs !== null && !lists.stockDrugs.has(code)) {
    return {
      refusedBy: 'R-D10',
      list: 'stock_list',
      reason: `R-A14/R-D10: ${label} 不在本机构药品库存目录内，基金不予支付，由机构承担`,
    };
  }
  return null;
}

export const NO_LISTS: InstitutionLists = { approvedServices: null, stockDrugs: null };
