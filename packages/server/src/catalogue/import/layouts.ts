// Column mappings of the three file layouts an agency receives catalogues in (docs/catalogue.md
// § Import). Each maps a header to one canonical field; the readers (read.ts) give rows of
// canonical fields as text, fields.ts turns them into CatalogueEntryInput.

export type Canonical =
  | 'code'
  | 'name'
  | 'kind'
  | 'class'
  | 'selfPayRatio'
  | 'paymentLimit'
  | 'price'
  | 'pricePrimary'
  | 'priceSecondary'
  | 'priceTertiary'
  | 'stepDown'
  | 'publicHealth'
  | 'fixedSelfPay'
  | 'volumeProcurement'
  | 'genericName'
  | 'dosageForm'
  | 'unit'
  | 'restrictedScope'
  | 'restricted'
  | 'validFrom'
  | 'validTo'
  | 'valid';

export type Layout = 'yibao' | 'national';

/** CSV and .xlsx: Yibao's own columns, in English or Chinese (either header works). */
export const YIBAO_COLUMNS: Record<string, Canonical> = {
  code: 'code',
  编码: 'code',
  医保编码: 'code',
  name: 'name',
  名称: 'name',
  kind: 'kind',
  类别: 'kind',
  class: 'class',
  甲乙类: 'class',
  selfPayRatio: 'selfPayRatio',
  先行自付比例: 'selfPayRatio',
  paymentLimit: 'paymentLimit',
  支付标准: 'paymentLimit',
  priceStandard: 'price',
  价格标准: 'price',
  pricePrimary: 'pricePrimary',
  基层价格: 'pricePrimary',
  priceSecondary: 'priceSecondary',
  二级价格: 'priceSecondary',
  priceTertiary: 'priceTertiary',
  三级价格: 'priceTertiary',
  stepDown: 'stepDown',
  逐级降价: 'stepDown',
  publicHealth: 'publicHealth',
  基本公共卫生: 'publicHealth',
  fixedSelfPay: 'fixedSelfPay',
  定额自负: 'fixedSelfPay',
  volumeProcurement: 'volumeProcurement',
  集采: 'volumeProcurement',
  genericName: 'genericName',
  通用名: 'genericName',
  dosageForm: 'dosageForm',
  剂型: 'dosageForm',
  unit: 'unit',
  计价单位: 'unit',
  restrictedScope: 'restrictedScope',
  限定支付范围: 'restrictedScope',
  validFrom: 'validFrom',
  开始日期: 'validFrom',
  validTo: 'validTo',
  结束日期: 'validTo',
};

/**
 * The national platform's catalogue download (tab-separated, one file per catalogue, a header row
 * of the platform's field names). Fields the download does not carry — price standards by level,
 * the step-down, public-health, fixed self-pay and 集采 flags, the restricted scope as text — come
 * in Yibao's extension columns `yb_*`, or are absent (false / none).
 */
export const NATIONAL_COLUMNS: Record<string, Canonical> = {
  hilist_code: 'code', // 医保目录编码
  med_list_codg: 'code', // 医疗目录编码 (as in the fee-detail messages)
  hilist_name: 'name', // 医保目录名称
  list_type: 'kind', // 目录类别: 101 西药中成药, 102 中药饮片 → drug; 201 医疗服务项目 → service; 301 医用耗材 → material
  chrgitm_lv: 'class', // 收费项目等级: 01 甲类, 02 乙类, 03 自费
  chrg_item_lv: 'class',
  selfpay_prop: 'selfPayRatio', // 自付比例 (0–1)
  hilist_pric_uplmt_amt: 'paymentLimit', // 医保目录定价上限金额
  pric_uplmt_amt: 'paymentLimit',
  begndate: 'validFrom', // 开始日期
  enddate: 'validTo', // 结束日期 (2099-12-31 / 9999-12-31 = open)
  vali_flag: 'valid', // 有效标志: 0 = a voided record, skipped
  lmt_used_flag: 'restricted', // 限制使用标志: 1 = restricted (the text, if any, in yb_restricted_scope)
  drug_genname: 'genericName',
  drug_dosform: 'dosageForm',
  prcunt: 'unit', // 计价单位
  yb_price: 'price',
  yb_price_primary: 'pricePrimary',
  yb_price_secondary: 'priceSecondary',
  yb_price_tertiary: 'priceTertiary',
  yb_step_down: 'stepDown',
  yb_public_health: 'publicHealth',
  yb_fixed_selfpay: 'fixedSelfPay',
  yb_vbp: 'volumeProcurement',
  yb_restricted_scope: 'restrictedScope',
};

export const REQUIRED: readonly Canonical[] = ['code', 'name', 'kind', 'class'];

export const COLUMNS: Record<Layout, Record<string, Canonical>> = {
  yibao: YIBAO_COLUMNS,
  national: NATIONAL_COLUMNS,
};
