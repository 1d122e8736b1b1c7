// 举报投诉 about one institution (R-A10): what was reported, when, and how it was closed.
import { Table, Tag } from 'antd';
import { api } from '../../api/endpoints';
import type { Complaint } from '@yibao/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { label } from '../../format/labels';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';

const STATE_COLOURS: Record<Complaint['state'], string> = {
  open: 'gold',
  substantiated: 'red',
  unfounded: 'default',
};

export function ComplaintList({ institutionId }: { institutionId: string }) {
  const { t } = useLocale();
  const complaints = useApi((signal) => api.complaints(institutionId, signal), [institutionId]);
  if (complaints.error !== undefined)
    return <ErrorAlert error={complaints.error} onRetry={complaints.reload} />;
  if (complaints.data === undefined) return <Loading />;
  return (
    <Table<Complaint>
      data-testid="complaints"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={complaints.data.items}
      locale={{ emptyText: t('complaints.empty') }}
      columns={[
        {
          title: t('complaints.kind'),
          key: 'kind',
          width: 90,
          render: (_, c) => <Tag>{label(t, 'complaintKind', c.kind)}</Tag>,
        },
        { title: t('complaints.receivedOn'), dataIndex: 'receivedOn', width: 110 },
        { title: t('complaints.summary'), dataIndex: 'summary' },
        {
          title: t('complaints.state'),
          key: 'state',
          width: 120,
          render: (_, c) => <Tag color={STATE_COLOURS[c.state]}>{label(t, 'complaintState', c.state)}</Tag>,
        },
        {
          title: t('complaints.resolution'),
          key: 'resolution',
          render: (_, c) =>
            c.resolution === null
              ? '—'
              : `${c.resolution}${c.closedOn === null ? '' : ` ${t('complaints.closedOn', { date: c.closedOn })}`}`,
        },
      ]}
    />
  );
}
