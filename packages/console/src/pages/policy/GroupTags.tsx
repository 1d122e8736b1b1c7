import { Tag } from 'antd';
import { CATEGORIES, SCHEMES } from '@yibao/api/constants';
import { groupLabel, label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';

/**
 * Who a value applies to: the whole region, a whole scheme when every category of it is listed
 * (the contract's categories: CALC_CONTRACT.md), or the person groups one by one.
 */
export function GroupTags({ groups }: { groups: string[] }) {
  const { t } = useLocale();
  if (groups.length === 0) return <Tag color="purple">{t('policy.regionWide')}</Tag>;
  const rest = new Set(groups);
  const whole: string[] = [];
  for (const scheme of SCHEMES) {
    const members = CATEGORIES[scheme].map((c) => `${scheme}/${c}`);
    if (members.every((m) => rest.has(m))) {
      whole.push(scheme);
      for (const m of members) rest.delete(m);
    }
  }
  return (
    <>
      {whole.map((scheme) => (
        <Tag key={scheme} color="geekblue">
          {t('policy.wholeScheme', { scheme: label(t, 'scheme', scheme) })}
        </Tag>
      ))}
      {[...rest].map((g) => (
        <Tag key={g}>{groupLabel(t, g)}</Tag>
      ))}
    </>
  );
}
