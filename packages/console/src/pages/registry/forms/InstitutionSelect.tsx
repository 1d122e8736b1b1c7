// Picks one or several institutions by name or code, from the directory every page shares; `accept`
// narrows the list to those the act can name (the service checks again and names the field).
import { Select } from 'antd';
import type { Institution } from '@yibao/api';
import { useInstitutionDirectory } from '../../../hooks/useDirectory';
import { useLocale } from '../../../i18n/LocaleContext';

interface Props<V> {
  value?: V;
  onChange?: (value: V) => void;
  accept?: (institution: Institution) => boolean;
  multiple?: boolean;
  allowClear?: boolean;
  testId?: string;
}

export function InstitutionSelect<V extends string | string[] | null>({
  value,
  onChange,
  accept = () => true,
  multiple = false,
  allowClear = false,
  testId,
}: Props<V>) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      loading={!directory.ready}
      value={value ?? undefined}
      placeholder={t('settlements.institutionPlaceholder')}
      data-testid={testId}
      onChange={(v: V | undefined) => onChange?.((v ?? null) as V)}
      options={directory.list.filter(accept).map((i) => ({ value: i.id, label: `${i.name} ${i.id}` }))}
    />
  );
}

/** Institutions that care is given at (not a pharmacy). */
export const isMedical = (i: Institution): boolean => i.type !== 'pharmacy';
/** 基层医疗机构 (R-B2, R-B3). */
export const isPrimary = (i: Institution): boolean => i.level === 'primary' && i.type !== 'pharmacy';
/** 社区卫生服务中心、乡镇卫生院: the "1" of a family-doctor contract at the community (R-B4). */
export const isCentre = (i: Institution): boolean =>
  i.type === 'community_centre' || i.type === 'township_centre';
