// 医保目录 (the agency's catalogue): what the agency, not the caller, says about a code — its class,
// Class B self-pay ratio, price standard per level, payment limit and flags — as dated versions
// with their history (docs/catalogue.md). Money is integer fen, ratios integer ten-thousandths, like
// the engine (packages/engine/src/money.ts); conversion to the contract's yuan happens in resolve.ts.
import type { ItemClass, ItemKind, Level } from '@yibao/engine';

export type { ItemClass, ItemKind, Level } from '@yibao/engine';

/** The price standard (政府指导价/价格标准) held per institution level, in fen; null = not held. */
export interface PriceByLevel {
  primary: number | null;
  secondary: number | null;
  tertiary: number | null;
}

/**
 * One version of one code's entry, in force from `validFrom` to `validTo` (inclusive; null = open).
 * Kind-specific fields are null/false where they do not apply (validate.ts says which).
 */
export interface CatalogueEntry {
  code: string; // 国家医保编码 (drug: XA10BAA042A…, service: 110200001…, material: C…/HC…)
  name: string; // 药品通用名 / 项目名称 / 耗材名称
  kind: ItemKind;
  class: ItemClass; // 甲 A | 乙 B | 自费 self
  /** Class B only: 先行自付比例 in ten-thousandths (1000 = 10 %); null = the policy default. */
  selfPayRatio: number | null;
  /** 支付标准/支付限价 in fen (drugs, materials, services); null = none. */
  paymentLimit: number | null;
  /** Price standard per level (services, materials); null = none held. */
  priceStandard: PriceByLevel | null;
  /** 介入/手术类: a missing lower level is the level above less 10 % (R-C11). Services only. */
  stepDown: boolean;
  /** 免费基本公共卫生服务 (R-C5). Services only. */
  publicHealth: boolean;
  /** 定额标准自负药品 (R-C2's exception). Class B drugs only. */
  fixedSelfPay: boolean;
  /** 国家组织药品集中带量采购 (集采): recorded and shown, changes no benefit. Drugs only. */
  volumeProcurement: boolean;
  genericName: string | null; // drugs: 通用名
  dosageForm: string | null; // drugs: 剂型
  unit: string | null; // 计价单位 (次, 项, 日, 支 …)
  /** 限定支付范围 as text; its checkable parts are supervision rules, not catalogue fields. */
  restrictedScope: string | null;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null; // YYYY-MM-DD inclusive, null = open
  catalogueVersion: string; // the catalogue version (an import or a manual change) it came from
}

/** What an officer or a file gives for one entry; validate.ts turns it into a CatalogueEntry. */
export interface CatalogueEntryInput {
  code: string;
  name: string;
  kind: string;
  class: string;
  selfPayRatio?: number | null; // a ratio 0–1 (0.1 = 10 %), at most four decimals
  paymentLimit?: number | null; // yuan
  /** Yuan: one number for every level, or each level's own. */
  priceStandard?: number | Partial<Record<Level, number | null>> | null;
  stepDown?: boolean;
  publicHealth?: boolean;
  fixedSelfPay?: boolean;
  volumeProcurement?: boolean;
  genericName?: string | null;
  dosageForm?: string | null;
  unit?: string | null;
  restrictedScope?: string | null;
  validFrom: string;
  validTo?: string | null;
}

/** Who changed the catalogue, when (recordedAt, set by the database) and why. */
export interface CatalogueChange {
  actor: string;
  reason: string;
}

export type HistoryAction = 'added' | 'changed' | 'ended';

export interface CatalogueHistoryEvent {
  code: string;
  validFrom: string;
  action: HistoryAction;
  data: CatalogueEntry;
  catalogueVersion: string;
  actor: string;
  reason: string;
  recordedAt: string;
}

/** A catalogue version: one import or one manual change, with its source. */
export interface CatalogueVersion {
  id: string;
  title: string;
  source: 'manual' | 'csv' | 'xlsx' | 'national_tsv' | 'demo';
  fileName: string | null;
  publishedOn: string | null;
  actor: string;
  reason: string;
  recordedAt: string;
  summary: { added: number; changed: number; ended: number } | null;
}

/** The lists an institution has on record (null = none on record: not checked, R-D10). */
export interface InstitutionLists {
  /** R-C3: service items the institution is approved for, item by item. */
  approvedServices: ReadonlySet<string> | null;
  /** R-A14: the drugs on its stock list (the old PUT /institutions/{id}/catalogue). */
  stockDrugs: ReadonlySet<string> | null;
}
