// A credit rating as a coloured letter: A green, B blue, C orange, D red — the colours read as
// "good" to "termination proposed" at a glance in a long list of institutions.
import { Tag } from 'antd';
import type { Rating } from '@yibao/api';

const COLOURS: Record<Rating, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function RatingTag({ rating }: { rating: Rating }) {
  return (
    <Tag color={COLOURS[rating]} data-testid="rating-tag" style={{ fontWeight: 600 }}>
      {rating}
    </Tag>
  );
}
