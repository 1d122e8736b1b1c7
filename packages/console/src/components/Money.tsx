// An amount in yuan: two decimals, tabular figures, negatives (reversals) in red.
import { formatYuan } from '../format/numbers';

export function Money({ value, strong = false }: { value: number | null | undefined; strong?: boolean }) {
  if (value === null || value === undefined) return <span>—</span>;
  const text = formatYuan(value);
  const style = {
    fontVariantNumeric: 'tabular-nums' as const,
    color: value < 0 ? '#cf1322' : undefined,
    fontWeight: strong ? 600 : undefined,
  };
  return <span style={style}>{text}</span>;
}
