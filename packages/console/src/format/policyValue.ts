// A policy parameter's value in words, by its unit: amounts by level, rates, points, code lists.
import type { Translate } from '../i18n/LocaleContext';
import { formatYuan } from './numbers';
import { label } from './labels';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Any other value as it is: text and numbers plainly, structures as JSON. */
function plain(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

function byLevel(t: Translate, value: Record<string, unknown>, each: (n: number) => string): string {
  return Object.entries(value)
    .map(([level, n]) => `${label(t, 'level', level)} ${typeof n === 'number' ? each(n) : plain(n)}`)
    .join(' / ');
}

export function formatPolicyValue(t: Translate, unit: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  const yuan = (n: number): string => `${formatYuan(n)} ${t('unit.yuanShort')}`;
  const percent = (n: number): string => `${n}%`;
  switch (unit) {
    case 'yuan':
      return typeof value === 'number' ? yuan(value) : plain(value);
    case 'yuanByLevel':
      return isRecord(value) ? byLevel(t, value, yuan) : plain(value);
    case 'percentByLevel':
    case 'percentBySomeLevels':
      return isRecord(value) ? byLevel(t, value, percent) : plain(value);
    case 'ratio':
      return typeof value === 'number' ? `${Math.round(value * 10000) / 100}%` : plain(value);
    case 'points':
      return typeof value === 'number'
        ? t('unit.pointsValue', { n: value > 0 ? `+${value}` : String(value) })
        : plain(value);
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : plain(value);
    case 'codes':
      return Array.isArray(value) ? value.map(plain).join(', ') : plain(value);
    default:
      return plain(value);
  }
}
