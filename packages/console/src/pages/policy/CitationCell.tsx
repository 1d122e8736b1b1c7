// Where a value comes from: document, clause and requirement (with the requirement's text on hover).
import { Tag, Tooltip, Typography } from 'antd';
import type { Citation } from '@yibao/api';
import { useCatalogue } from '../../hooks/useDirectory';

export function CitationCell({ source }: { source: Citation }) {
  const catalogue = useCatalogue();
  const requirement = catalogue.requirement(source.requirement);
  return (
    <span data-testid="citation">
      <Tooltip title={requirement?.text}>
        <Tag color="blue">{source.requirement}</Tag>
      </Tooltip>
      <Typography.Text>{source.document}</Typography.Text>{' '}
      <Typography.Text type="secondary">{source.clause}</Typography.Text>
    </span>
  );
}
