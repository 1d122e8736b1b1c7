// The designation checklist as fields (R-A2): each criterion once, met or not, with its evidence —
// in the order and the words of the contract (CRITERIA). Named `criteria[i].met` / `.evidence`, the
// service's own names, so its refusal lands on the line it names.
import { Checkbox, Form, Input, Typography } from 'antd';
import { CRITERIA } from '@yibao/api/constants';
import { label } from '../../../format/labels';
import { useLocale } from '../../../i18n/LocaleContext';
import { LIMITS } from '../forms/limits';

export interface CriterionValue {
  item: string;
  met: boolean;
  evidence: string;
}

/** The checklist to start from: the application's own, else every criterion unmet. */
export function initialCriteria(existing?: readonly CriterionValue[]): CriterionValue[] {
  return CRITERIA.map((item) => {
    const found = existing?.find((c) => c.item === item);
    return { item, met: found?.met ?? false, evidence: found?.evidence ?? '' };
  });
}

export function CriteriaFields() {
  const { t } = useLocale();
  return (
    <Form.List name="criteria">
      {(fields) =>
        fields.map((field) => (
          <div key={field.key} className="criterion-row" data-testid="criterion-row">
            <Form.Item name={[field.name, 'item']} hidden>
              <Input />
            </Form.Item>
            <Form.Item name={[field.name, 'met']} valuePropName="checked" style={{ marginBottom: 4 }}>
              <Checkbox>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <Typography.Text strong>
                      {label(t, 'criterion', String(getFieldValue(['criteria', field.name, 'item'])))}
                    </Typography.Text>
                  )}
                </Form.Item>
              </Checkbox>
            </Form.Item>
            <Form.Item
              name={[field.name, 'evidence']}
              rules={[{ max: LIMITS.evidence, message: t('work.tooLong', { max: LIMITS.evidence }) }]}
            >
              <Input.TextArea
                rows={1}
                autoSize
                placeholder={t('work.evidence')}
                maxLength={LIMITS.evidence}
              />
            </Form.Item>
          </div>
        ))
      }
    </Form.List>
  );
}
