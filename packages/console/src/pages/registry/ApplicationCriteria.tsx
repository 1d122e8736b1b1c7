// The designation checklist of an application (R-A2): each criterion met or not, with its evidence.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { List } from 'antd';
import type { ApplicationCriterion } from '@yibao/api';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';

export function ApplicationCriteria({ criteria }: { criteria: ApplicationCriterion[] }) {
  const { t } = useLocale();
  return (
    <List
      size="small"
      dataSource={criteria}
      renderItem={(c) => (
        <List.Item>
          {c.met ? (
            <CheckCircleTwoTone twoToneColor="#52c41a" />
          ) : (
            <CloseCircleTwoTone twoToneColor="#ff4d4f" />
          )}{' '}
          {label(t, 'criterion', c.item)} — <span style={{ color: '#8c8c8c' }}>{c.evidence}</span>
        </List.Item>
      )}
    />
  );
}
