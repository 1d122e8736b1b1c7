// 信息公开 (R-A10): the year's figures as the public sees them on the disclosure endpoint, so the
// officer reads exactly what is published, not a figure recomputed here.
import { Descriptions } from 'antd';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Money } from '../../components/Money';
import { formatCount, formatPercent } from '../../format/numbers';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';
import { RatingTag } from './RatingTag';

export function DisclosureSummary({ institutionId, year }: { institutionId: string; year: number }) {
  const { t } = useLocale();
  const disclosure = useApi((signal) => api.disclosure(institutionId, year, signal), [institutionId, year]);
  if (disclosure.error !== undefined)
    return <ErrorAlert error={disclosure.error} onRetry={disclosure.reload} />;
  const d = disclosure.data;
  if (d === undefined || disclosure.loading) return <Loading />;
  return (
    <Descriptions
      data-testid="disclosure"
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'visits', label: t('disclosure.visits'), children: formatCount(d.visits) },
        {
          key: 'costPerVisit',
          label: t('disclosure.costPerVisit'),
          children: <Money value={d.costPerVisit} />,
        },
        { key: 'fundPay', label: t('disclosure.fundPay'), children: <Money value={d.fundPay} /> },
        { key: 'satisfaction', label: t('disclosure.satisfaction'), children: formatPercent(d.satisfaction) },
        {
          key: 'complaints',
          label: t('disclosure.complaints'),
          children: t('disclosure.complaintsValue', {
            received: d.complaints.received,
            substantiated: d.complaints.substantiated,
          }),
        },
        {
          key: 'rating',
          label: t('disclosure.rating'),
          children:
            d.assessment === null ? (
              t('disclosure.noRating')
            ) : (
              <span>
                <RatingTag rating={d.assessment.rating} /> {d.assessment.score}
              </span>
            ),
        },
      ]}
    />
  );
}
