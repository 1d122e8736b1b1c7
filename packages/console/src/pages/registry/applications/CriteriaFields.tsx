// The designation checklist as fields (R-A2): each criterion once, met or not, with its evidence —
// in the order and the words of the contract (CRITERIA). Named `criteria[i].met` / `.evidence`, the
// service's own names, so its refusal lands on the line it names.
import { Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import { CRITERIA, type Criterion } from '@yibao/api/constants';
import { label } from '../../../format/labels';
import { useLocale } from '../../../i18n/LocaleContext';
import { LIMITS } from '../forms/limits';

export interface CriterionValue {
  item: Criterion;
  met: boolean;
  evidence: string;
}

/** The checklist to start from: the application's own, else every criterion unmet. */
export function initialCriteria(
  existing?: readonly { item: string; met: boolean; evidence: string }[],
): CriterionValue[] {
  return CRITERIA.map((item) => {
    const found = existing?.find((c) => c.item === item);
    return { item, met: found?.met ?? false, evidence: found?.evidence ?? '' };
  });
}

export function CriteriaFields() {
  const { t } = useLocale();
  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 0 }}>
        {t('work.checklist')}
      </Typography.Paragraph>
      <Form.List name="criteria">
        {(fields) =>
          fields.map((field) => (
            <Row
              key={field.key}
              gutter={12}
              align="middle"
              data-testid="criterion-row"
              style={{ marginTop: 8 }}
            >
              <Form.Item name={[field.name, 'item']} hidden>
                <Input />
              </Form.Item>
              <Col xs={24} md={8}>
                <Form.Item name={[field.name, 'met']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) =>
                        label(t, 'criterion', String(getFieldValue(['criteria', field.name, 'item'])))
                      }
                    </Form.Item>
                  </Checkbox>
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item
                  name={[field.name, 'evidence']}
                  style={{ marginBottom: 0 }}
                  rules={[{ max: LIMITS.evidence, message: t('work.tooLong', { max: LIMITS.evidence }) }]}
                >
                  <Input placeholder={t('work.evidence')} maxLength={LIMITS.evidence} />
                </Form.Item>
              </Col>
            </Row>
          ))
        }
      </Form.List>
    </>
  );
}
