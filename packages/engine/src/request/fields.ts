// Field readers for request validation: each returns the value or throws CalcInputError naming the
// field (a JSON path) and the rule it broke.
import { CalcInputError } from '../contract.js';

export type Obj = Record<string, unknown>;

/** Largest amount accepted, in yuan: keeps every fen product exact and every check sound. */
export const MAX_YUAN = 1_000_000_000;

export function fail(code: string, field: string, message: string): never {
  throw new CalcInputError(code, field, `${field}: ${message}`);
}

export function object(v: unknown, field: string): Obj {
  if (v === undefined || v === null) fail('required', field, '为必填项 (required)');
  if (typeof v !== 'object' || Array.isArray(v))
    fail('invalid_type', field, '须为 JSON 对象 (must be an object)');
  return v as Obj;
}

export function optionalObject(v: unknown, field: string): Obj | null {
  return v === undefined || v === null ? null : object(v, field);
}

export function requiredString(v: unknown, field: string): string {
  if (v === undefined || v === null) fail('required', field, '为必填项 (required)');
  if (typeof v !== 'string' || v.trim() === '')
    fail('invalid_type', field, '须为非空字符串 (must be a non-empty string)');
  return v;
}

export function optionalString(v: unknown, field: string): string | null {
  if (v === undefined || v === null) return null;
  return requiredString(v, field);
}

export function bool(v: unknown, field: string, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') fail('invalid_type', field, '须为 true 或 false (must be a boolean)');
  return v;
}

export function oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[], fallback?: T): T {
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  if (v === undefined || v === null)
    fail('required', field, `为必填项，取值 ${allowed.join(' | ')} (required)`);
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    fail(
      'invalid_enum',
      field,
      `取值 ${JSON.stringify(v)} 无效，应为 ${allowed.join(' | ')} (unknown value)`,
    );
  }
  return v as T;
}

/** Yuan, non-negative, finite, at most two decimals -> fen. */
export function amount(v: unknown, field: string, fallback?: number): number {
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  if (v === undefined || v === null) fail('required', field, '为必填项 (required)');
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail('invalid_amount', field, '金额须为有限数值 (amount must be a finite number)');
  if (v < 0) fail('invalid_amount', field, '金额不能为负 (amount must not be negative)');
  if (v > MAX_YUAN) fail('invalid_amount', field, `金额超过上限 ${MAX_YUAN} 元 (amount too large)`);
  // Exact: a number with at most two decimals is the double nearest fen/100, and nothing else is.
  const fen = Math.round(v * 100);
  if (fen / 100 !== v) fail('invalid_amount', field, '金额最多两位小数 (at most two decimals)');
  return fen;
}

export function optionalAmount(v: unknown, field: string): number | null {
  return v === undefined || v === null ? null : amount(v, field);
}

/** A number with at most four decimals -> integer ten-thousandths. */
export function scaled4(v: number, field: string, code: string, what: string): number {
  const s = Math.round(v * 10_000);
  if (s / 10_000 !== v) fail(code, field, `${what}最多四位小数 (at most four decimals)`);
  return s;
}

export function quantity(v: unknown, field: string): number {
  if (v === undefined || v === null) fail('required', field, '为必填项 (required)');
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
    fail('invalid_quantity', field, '数量须为正数 (quantity must be positive)');
  if (v > 1_000_000) fail('invalid_quantity', field, '数量超过上限 1000000 (quantity too large)');
  return scaled4(v, field, 'invalid_quantity', '数量');
}

export function ratio(v: unknown, field: string): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
    fail('invalid_ratio', field, '先行自付比例须在 0 到 1 之间 (ratio must be within 0–1)');
  }
  return scaled4(v, field, 'invalid_ratio', '先行自付比例');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

export function date(v: unknown, field: string): string {
  const s = requiredString(v, field);
  const m = DATE.exec(s);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    fail(
      'invalid_date',
      field,
      `日期 ${JSON.stringify(s)} 无效，应为真实存在的 YYYY-MM-DD (impossible date)`,
    );
  }
  return s;
}
