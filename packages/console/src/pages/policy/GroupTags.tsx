import { Tag } from 'antd';
import { groupLabel } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';

/** Who a value applies to: person groups, or the whole region. */
export function GroupTags({ groups }: { groups: string[] }) {
  const { t } = useLocale();
  if (groups.length === 0) return <Tag color="purple">{t('policy.regionWide')}</Tag>;
  return (
    <>
      {groups.map((g) => (
        <Tag key={g}>{groupLabel(t, g)}</Tag>
      ))}
    </>
  );
}
