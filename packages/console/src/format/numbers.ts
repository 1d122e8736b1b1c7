// Amounts arrive as yuan with at most two decimals; they are shown with both decimals and thousands
// separators, the way a settlement statement prints them. The conversion and the digits are the
// engine's money module (`@yibao/engine/money`), the one money module of server and console.
import { groupedYuan, toFen } from '@yibao/engine/money';

export function formatYuan(value: number): string {
  return groupedYuan(toFen(value));
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)}%`;
}

export function formatCount(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}
