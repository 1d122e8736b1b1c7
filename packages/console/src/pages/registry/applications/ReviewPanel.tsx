// 评审 (R-A2, R-A4): the reviewer and the date, then approve, reject or return for correction —
// each confirmed with its reason (the service requires one for every decision; rejecting and
// returning take something away and ask in red). Only a submitted application is reviewed.
import { Button, Card, Col, Form, Input, Row, Space } from 'antd';
import { useState } from 'react';
import type { DesignationApplication } from '@yibao/api';
import type { ReviewDecision } from '@yibao/api/constants';
import { ApiRequestError } from '../../../api/client';
import { registryApi } from '../../../api/registry-endpoints';
import { Can } from '../../../components/Can';
import { useLocale } from '../../../i18n/LocaleContext';
import { showOnField } from '../forms/apiErrors';
import { ConfirmAct } from '../forms/ConfirmAct';
import { DateInput, todayString } from '../forms/DateInput';
import { LIMITS } from '../forms/limits';

interface Reviewing {
  reviewer: string;
  decidedOn: string;
}

export function ReviewPanel({
  application,
  onReviewed,
}: {
  application: DesignationApplication;
  onReviewed: () => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<Reviewing>();
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const unmet = application.criteria.filter((c) => !c.met).length;
  const ask = async (d: ReviewDecision): Promise<void> => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setDecision(d);
  };
  const words: Record<ReviewDecision, { title: string; ok: string; note: string }> = {
    approve: {
      title: t('work.approveTitle', { id: application.id }),
      ok: t('work.approve'),
      note:
        unmet > 0 && !application.greenChannel
          ? t('work.approveUnmet', { n: unmet })
          : t('work.approveNote', { n: application.stationIds.length }),
    },
    reject: {
      title: t('work.rejectTitle', { id: application.id }),
      ok: t('work.reject'),
      note: t('work.rejectNote'),
    },
    return: {
      title: t('work.returnTitle', { id: application.id }),
      ok: t('work.return'),
      note: t('work.returnNote'),
    },
  };
  return (
    <Card size="small" title={t('work.review')} style={{ marginBottom: 16 }} data-testid="review-panel">
      <Form<Reviewing>
        form={form}
        layout="vertical"
        initialValues={{ reviewer: '', decidedOn: todayString() }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="reviewer"
              label={t('work.reviewer')}
              rules={[
                { required: true, whitespace: true, message: t('work.required') },
                { max: LIMITS.text, message: t('work.tooLong', { max: LIMITS.text }) },
              ]}
            >
              <Input data-testid="review-reviewer" maxLength={LIMITS.text} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="decidedOn"
              label={t('work.decidedOn')}
              rules={[{ required: true, message: t('work.required') }]}
            >
              <DateInput testId="review-date" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Can permission="designation.review">
        <Space>
          <Button type="primary" data-testid="review-approve" onClick={() => void ask('approve')}>
            {t('work.approve')}
          </Button>
          <Button danger data-testid="review-reject" onClick={() => void ask('reject')}>
            {t('work.reject')}
          </Button>
          <Button data-testid="review-return" onClick={() => void ask('return')}>
            {t('work.return')}
          </Button>
        </Space>
      </Can>
      <ConfirmAct
        open={decision !== null}
        testId="review-confirm"
        danger={decision !== 'approve'}
        title={decision === null ? '' : words[decision].title}
        description={decision === null ? undefined : words[decision].note}
        confirmLabel={decision === null ? undefined : words[decision].ok}
        onCancel={() => {
          setDecision(null);
        }}
        onDone={() => {
          setDecision(null);
          onReviewed();
        }}
        act={async (reason) => {
          if (decision === null) return false;
          const { reviewer, decidedOn } = form.getFieldsValue();
          try {
            await registryApi.review(application.id, {
              decision,
              reason,
              reviewer: reviewer.trim(),
              decidedOn,
            });
          } catch (err) {
            // The reviewer and the date are the panel's fields: shown there, the dialog closed.
            if (err instanceof ApiRequestError && (err.field === 'reviewer' || err.field === 'decidedOn')) {
              showOnField(form, err);
              setDecision(null);
              return false;
            }
            throw err;
          }
          return true;
        }}
      />
    </Card>
  );
}
