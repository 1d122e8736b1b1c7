// 定点机构: each county's network (centre → stations, township → village clinics), the designated
// list, and the designation applications with their reviews (the registry of issue 4).
import { Select, Space, Tabs, Typography } from 'antd';
import { CountyNetwork } from './institutions/CountyNetwork';
import { InstitutionList } from './institutions/InstitutionList';
import { ApplicationsTab } from './registry/ApplicationsTab';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useInstitutionDirectory } from '../hooks/useDirectory';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';

export default function InstitutionsPage() {
  const { t } = useLocale();
  const query = useQueryState();
  const directory = useInstitutionDirectory();
  const counties = [...new Set(directory.list.map((i) => i.county))].sort();
  const requested = query.get('view');
  const view = requested === 'list' || requested === 'applications' ? requested : 'network';
  const county = query.get('county') ?? (view === 'network' ? counties[0] : undefined);
  return (
    <div data-testid="page-institutions">
      <Typography.Title level={3} className="page-title">
        {t('institutions.title')}
      </Typography.Title>
      <Space className="filters" wrap>
        <span>{t('institutions.county')}</span>
        <Select
          data-testid="institution-county"
          style={{ minWidth: 160 }}
          allowClear={view === 'list'}
          placeholder={t('common.all')}
          value={county}
          onChange={(c: string | undefined) => {
            query.set({ county: c, page: undefined });
          }}
          options={counties.map((c) => ({ value: c, label: c }))}
        />
      </Space>
      {directory.error !== undefined ? <ErrorAlert error={directory.error} /> : null}
      <Tabs
        activeKey={view}
        onChange={(key) => {
          query.set({ view: key === 'network' ? undefined : key, page: undefined, state: undefined });
        }}
        items={[
          {
            key: 'network',
            label: t('institutions.network'),
            children: !directory.ready ? (
              <Loading />
            ) : county === undefined ? null : (
              <CountyNetwork county={county} institutions={directory.list} />
            ),
          },
          {
            key: 'list',
            label: t('institutions.list'),
            children: <InstitutionList query={query} county={county} />,
          },
          {
            key: 'applications',
            label: t('registry.applications'),
            children: <ApplicationsTab query={query} />,
          },
        ]}
      />
    </div>
  );
}
