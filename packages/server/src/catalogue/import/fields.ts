// One file row (canonical fields as text) → CatalogueEntryInput. Every refusal is Invalid naming
// the canonical field; validateEntry then checks the entry itself.
import { Invalid } from '../../domain/errors.js';
import type { CatalogueEntryInput } from '../types.js';
import type { Canonical } from './layouts.js';

export type Cells = Partial<Record<Canonical, string>>;

const KINDS: Record<string, string> = {
  drug: 'drug',
  药品: 'drug',
  西药: 'drug',
  中成药: 'drug',
  西药中成药: 'drug',
  中药饮片: 'drug',
  '101': 'drug',
  '102': 'drug',
  service: 'service',
  医疗服务: 'service',
  医疗服务项目: 'service',
  诊疗项目: 'service',
  '201': 'service',
  material: 'material',
  耗材: 'material',
  医用耗材: 'material',
  '301': 'material',
};

const CLASSES: Record<string, string> = {
  a: 'A',
  甲: 'A',
  甲类: 'A',
  '01': 'A',
  '1': 'A',
  b: 'B',
  乙: 'B',
  乙类: 'B',
  '02': 'B',
  '2': 'B',
  self: 'self',
  自费: 'self',
  丙: 'self',
  丙类: 'self',
  '03': 'self',
  '3': 'self',
};

const TRUE = new Set(['1', 'true', 'y', 'yes', '是', 't']);
const FALSE = new Set(['', '0', 'false', 'n', 'no', '否', 'f']);

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

function bool(s: string | undefined, field: Canonical): boolean | undefined {
  if (s === undefined) return undefined;
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new Invalid(
    field,
    'invalid_type',
    `${field} 须为 是/否、1/0 或 true/false，不是 ${JSON.stringify(s)}`,
  );
}

function money(s: string | undefined, field: Canonical): number | null {
  if (blank(s)) return null;
  const v = Number((s as string).trim().replace(/,/g, ''));
  if (!Number.isFinite(v))
    throw new Invalid(field, 'invalid_amount', `${field} 不是金额: ${JSON.stringify(s)}`);
  return v;
}

function ratio(s: string | undefined): number | null {
  if (blank(s)) return null;
  const t = (s as string).trim();
  const v = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  if (!Number.isFinite(v))
    throw new Invalid('selfPayRatio', 'invalid_ratio', `selfPayRatio 不是比例: ${JSON.stringify(s)}`);
  return Math.round(v * 1e6) / 1e6; // 10% → 0.1 exactly, not 0.1000000000000000055…
}

const OPEN_END = new Set(['2099-12-31', '9999-12-31']);

/** YYYY-MM-DD from 2026-01-01, 20260101, 2026/1/1 or "2026-01-01 00:00:00". */
export function dateText(s: string | undefined, field: Canonical): string | null {
  if (blank(s)) return null;
  const t = (s as string).trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) throw new Invalid(field, 'invalid_date', `${field} 不是日期: ${JSON.stringify(s)}`);
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}

export interface RowDefaults {
  /** validFrom when the row has none (the import's effective date). */
  validFrom: string;
}

/** undefined: the row is skipped (vali_flag 0). */
export function rowToInput(cells: Cells, defaults: RowDefaults): CatalogueEntryInput | undefined {
  if (cells.valid !== undefined && cells.valid.trim() === '0') return undefined;
  const kindText = (cells.kind ?? '').trim();
  const kind = KINDS[kindText] ?? KINDS[kindText.toLowerCase()] ?? kindText;
  const classText = (cells.class ?? '').trim();
  const cls = CLASSES[classText.toLowerCase()] ?? classText;

  const all = money(cells.price, 'price');
  const levels = {
    primary: money(cells.pricePrimary, 'pricePrimary'),
    secondary: money(cells.priceSecondary, 'priceSecondary'),
    tertiary: money(cells.priceTertiary, 'priceTertiary'),
  };
  const anyLevel = levels.primary !== null || levels.secondary !== null || levels.tertiary !== null;
  if (all !== null && anyLevel) throw new Invalid('price', 'ambiguous', '价格标准与分级价格只能填其一');
  const priceStandard = all !== null ? all : anyLevel ? levels : null;

  let restrictedScope = blank(cells.restrictedScope) ? null : (cells.restrictedScope as string).trim();
  if (restrictedScope === null && bool(cells.restricted, 'restricted') === true) restrictedScope = '限制使用';

  const validTo = dateText(cells.validTo, 'validTo');
  const input: CatalogueEntryInput = {
    code: (cells.code ?? '').trim(),
    name: (cells.name ?? '').trim(),
    kind,
    class: cls,
    selfPayRatio: ratio(cells.selfPayRatio),
    paymentLimit: money(cells.paymentLimit, 'paymentLimit'),
    priceStandard,
    stepDown: bool(cells.stepDown, 'stepDown') ?? false,
    publicHealth: bool(cells.publicHealth, 'publicHealth') ?? false,
    fixedSelfPay: bool(cells.fixedSelfPay, 'fixedSelfPay') ?? false,
    volumeProcurement: bool(cells.volumeProcurement, 'volumeProcurement') ?? false,
    genericName: blank(cells.genericName) ? null : (cells.genericName as string).trim(),
    dosageForm: blank(cells.dosageForm) ? null : (cells.dosageForm as string).trim(),
    unit: blank(cells.unit) ? null : (cells.unit as string).trim(),
    restrictedScope,
    validFrom: dateText(cells.validFrom, 'validFrom') ?? defaults.validFrom,
    validTo: validTo !== null && OPEN_END.has(validTo) ? null : validTo,
  };
  // A national row's ratio on a Class A or self-paid item is 0 or 1 by definition: not a ratio of its own.
  if (input.class !== 'B') input.selfPayRatio = null;
  return input;
}
