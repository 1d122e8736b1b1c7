// The dashboard's date range and county, kept in the URL.
import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useLocale } from '../../i18n/LocaleContext';

interface Props {
  from: string;
  to: string;
  county: string | undefined;
  counties: string[];
  onChange: (next: { from: string; to: string; county: string | undefined }) => void;
}

export function DashboardFilters({ from, to, county, counties, onChange }: Props) {
  const { t } = useLocale();
  return (
    <Space wrap className="filters">
      <DatePicker.RangePicker
        data-testid="dashboard-range"
        allowClear={false}
        value={[dayjs(from), dayjs(to)]}
        onChange={(range) => {
          const [start, end] = range ?? [];
          if (start && end)
            onChange({ from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD'), county });
        }}
      />
      <Select
        data-testid="dashboard-county"
        style={{ minWidth: 180 }}
        allowClear
        placeholder={t('dashboard.allCounties')}
        value={county}
        onChange={(value: string | undefined) => {
          onChange({ from, to, county: value });
        }}
        options={counties.map((c) => ({ value: c, label: c }))}
      />
    </Space>
  );
}
