// Validation of a catalogue entry: anything no record could make acceptable is `Invalid` naming the
// field (domain/errors.ts), so the HTTP layer answers 400 and an import rejects the line.
import { ITEM_CLASSES, ITEM_KINDS, LEVELS } from '@yibao/engine';
import { Invalid } from '../domain/errors.js';
import type { CatalogueEntry, CatalogueEntryInput, ItemClass, ItemKind, PriceByLevel } from './types.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Yuan with at most two decimals, non-negative, to integer fen (exact, no tolerance: decision 6). */
export function yuanField(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new Invalid(field, 'invalid_amount', `${field} 须为非负金额（元）`);
  const fen = Math.round(v * 100);
  if (fen / 100 !== v) throw new Invalid(field, 'invalid_amount', `${field} 至多两位小数`);
  if (fen > 100_000_000_000) throw new Invalid(field, 'invalid_amount', `${field} 超过上限`);
  return fen;
}

/** A ratio 0–1 with at most four decimals, to ten-thousandths. */
export function ratioField(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
    throw new Invalid(field, 'invalid_ratio', `${field} 须为 0 至 1 之间的比例`);
  const scaled = Math.round(v * 10_000);
  if (scaled / 10_000 !== v) throw new Invalid(field, 'invalid_ratio', `${field} 至多四位小数`);
  return scaled;
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || v.trim() === '') throw new Invalid(field, 'required', `${field} 不能为空`);
  const s = v.trim();
  if (s.length > max) throw new Invalid(field, 'too_long', `${field} 至多 ${max} 个字符`);
  return s;
}

function optionalText(v: unknown, field: string, max: number): string | null {
  if (v === undefined || v === null || v === '') return null;
  return text(v, field, max);
}

function flag(v: unknown, field: string): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new Invalid(field, 'invalid_type', `${field} 须为 true 或 false`);
  return v;
}

function oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[], zh: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new Invalid(field, 'invalid_enum', `${field} 须为${zh}: ${allowed.join(' | ')}`);
  return v as T;
}

/** Codes: letters, digits, '-', '_' and '.', 1–50 characters (national codes are 9–27). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

function priceStandardOf(
  v: CatalogueEntryInput['priceStandard'],
  stepDown: boolean,
  field: string,
): PriceByLevel | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') {
    const fen = yuanField(v, field);
    return { primary: fen, secondary: fen, tertiary: fen };
  }
  if (typeof v !== 'object' || Array.isArray(v))
    throw new Invalid(field, 'invalid_type', `${field} 须为金额或 { primary, secondary, tertiary }`);
  for (const key of Object.keys(v)) {
    if (!(LEVELS as readonly string[]).includes(key))
      throw new Invalid(`${field}.${key}`, 'invalid_enum', `${field} 只有 primary、secondary、tertiary 三级`);
  }
  const out: PriceByLevel = { primary: null, secondary: null, tertiary: null };
  for (const level of LEVELS) {
    const x = v[level];
    out[level] = x === undefined || x === null ? null : yuanField(x, `${field}.${level}`);
  }
  if (out.primary === null && out.secondary === null && out.tertiary === null)
    throw new Invalid(field, 'required', `${field} 至少需要一级的价格`);
  if (!stepDown) {
    // Only interventional and surgical items derive a missing level (R-C11); any other item
    // held per level must say every level, or a hospital could bill anything at the missing one.
    for (const level of LEVELS) {
      if (out[level] === null)
        throw new Invalid(
          `${field}.${level}`,
          'required',
          `非介入/手术类项目须给出每一级的价格标准（缺 ${level}）；或给一个各级通用的金额`,
        );
    }
  }
  return out;
}

/**
 * Checks one entry and converts it to the catalogue's units. `field` prefixes the field names
 * (an import passes "" and reports the line number itself).
 */
export function validateEntry(
  input: CatalogueEntryInput,
  catalogueVersion: string,
  prefix = '',
): CatalogueEntry {
  const f = (name: string): string => (prefix === '' ? name : `${prefix}.${name}`);
  const raw = input as unknown as Record<string, unknown>;
  const code = text(raw.code, f('code'), 50);
  if (!CODE.test(code)) throw new Invalid(f('code'), 'invalid_code', `编码 ${code} 只能含字母、数字和 . _ -`);
  const name = text(raw.name, f('name'), 200);
  const kind: ItemKind = oneOf(raw.kind, f('kind'), ITEM_KINDS, '类别');
  const cls: ItemClass = oneOf(raw.class, f('class'), ITEM_CLASSES, '甲类 A、乙类 B 或自费 self');

  const stepDown = flag(raw.stepDown, f('stepDown'));
  const publicHealth = flag(raw.publicHealth, f('publicHealth'));
  const fixedSelfPay = flag(raw.fixedSelfPay, f('fixedSelfPay'));
  const volumeProcurement = flag(raw.volumeProcurement, f('volumeProcurement'));
  if (kind !== 'service' && stepDown)
    throw new Invalid(f('stepDown'), 'not_applicable', '逐级降价（介入、手术类）只适用于医疗服务项目');
  if (kind !== 'service' && publicHealth)
    throw new Invalid(f('publicHealth'), 'not_applicable', '免费基本公共卫生服务只适用于医疗服务项目');
  if (fixedSelfPay && !(kind === 'drug' && cls === 'B'))
    throw new Invalid(f('fixedSelfPay'), 'not_applicable', '定额标准自负只适用于乙类药品');
  if (kind !== 'drug' && volumeProcurement)
    throw new Invalid(f('volumeProcurement'), 'not_applicable', '集采标识只适用于药品');

  let selfPayRatio: number | null = null;
  if (raw.selfPayRatio !== undefined && raw.selfPayRatio !== null) {
    if (cls !== 'B') throw new Invalid(f('selfPayRatio'), 'not_applicable', '先行自付比例只适用于乙类');
    selfPayRatio = ratioField(raw.selfPayRatio, f('selfPayRatio'));
  }
  const paymentLimit =
    raw.paymentLimit === undefined || raw.paymentLimit === null
      ? null
      : yuanField(raw.paymentLimit, f('paymentLimit'));
  if (kind === 'drug' && raw.priceStandard !== undefined && raw.priceStandard !== null)
    throw new Invalid(f('priceStandard'), 'not_applicable', '药品没有价格标准，支付标准填 paymentLimit');
  const priceStandard = priceStandardOf(input.priceStandard, stepDown, f('priceStandard'));
  if (stepDown && priceStandard === null)
    throw new Invalid(f('priceStandard'), 'required', '逐级降价的项目须有价格标准');

  if (!isCalendarDate(raw.validFrom))
    throw new Invalid(f('validFrom'), 'invalid_date', `${f('validFrom')} 须为存在的日期 YYYY-MM-DD`);
  const validFrom = raw.validFrom;
  let validTo: string | null = null;
  if (raw.validTo !== undefined && raw.validTo !== null && raw.validTo !== '') {
    if (!isCalendarDate(raw.validTo))
      throw new Invalid(f('validTo'), 'invalid_date', `${f('validTo')} 须为存在的日期 YYYY-MM-DD`);
    if (raw.validTo < validFrom)
      throw new Invalid(f('validTo'), 'invalid_term', `有效期止 ${raw.validTo} 早于起 ${validFrom}`);
    validTo = raw.validTo;
  }
  const onlyDrug = (v: unknown, name: string): string | null => {
    const s = optionalText(v, f(name), 100);
    if (s !== null && kind !== 'drug') throw new Invalid(f(name), 'not_applicable', `${name} 只适用于药品`);
    return s;
  };
  return {
    code,
    name,
    kind,
    class: cls,
    selfPayRatio,
    paymentLimit,
    priceStandard,
    stepDown,
    publicHealth,
    fixedSelfPay,
    volumeProcurement,
    genericName: onlyDrug(raw.genericName, 'genericName'),
    dosageForm: onlyDrug(raw.dosageForm, 'dosageForm'),
    unit: optionalText(raw.unit, f('unit'), 20),
    restrictedScope: optionalText(raw.restrictedScope, f('restrictedScope'), 1000),
    validFrom,
    validTo,
    catalogueVersion: text(catalogueVersion, 'catalogueVersion', 64),
  };
}

/** The facts of an entry that a new version may change (everything but its dates and version). */
export function sameFacts(a: CatalogueEntry, b: CatalogueEntry): boolean {
  return factsKey(a) === factsKey(b);
}

export function factsKey(e: CatalogueEntry): string {
  const p = e.priceStandard;
  return JSON.stringify([
    e.name,
    e.kind,
    e.class,
    e.selfPayRatio,
    e.paymentLimit,
    p === null ? null : [p.primary, p.secondary, p.tertiary],
    e.stepDown,
    e.publicHealth,
    e.fixedSelfPay,
    e.volumeProcurement,
    e.genericName,
    e.dosageForm,
    e.unit,
    e.restrictedScope,
  ]);
}
