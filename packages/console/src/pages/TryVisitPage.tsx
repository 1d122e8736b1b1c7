// 试算: build a visit by hand, preview it (预结算: nothing stored, nothing moved) and read the
// explanation — the quickest way to answer a patient's "why".
import { Alert, Button, Card, Form, Space, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { api } from '../api/endpoints';
import type { CalcResult, Person } from '@yibao/api';
import { AmountsSummary } from '../components/AmountsSummary';
import { ErrorAlert } from '../components/ErrorAlert';
import { LinesTable, lineRows } from '../components/LinesTable';
import { TraceExplanation } from '../components/TraceExplanation';
import { label } from '../format/labels';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { emptyDraft, parseDraft, toPreviewRequest, type VisitDraft } from './try/draft';
import { ItemsEditor } from './try/ItemsEditor';
import { VisitFields } from './try/VisitFields';

export default function TryVisitPage() {
  const { t } = useLocale();
  const query = useQueryState();
  const [form] = Form.useForm<VisitDraft>();
  const initial = useMemo(
    () => ({ ...emptyDraft(new Date().toISOString().slice(0, 10)), ...parseDraft(query.get('draft')) }),
    [],
  ); // first render only
  const [result, setResult] = useState<{ result: CalcResult; draft: VisitDraft } | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [person, setPerson] = useState<Person | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const onPerson = useCallback((p: Person | undefined) => {
    setPerson(p);
  }, []);

  const preview = async (draft: VisitDraft): Promise<void> => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setSending(true);
    setError(undefined);
    try {
      const answer = await api.preview(toPreviewRequest(draft), controller.signal);
      setResult({ result: answer, draft });
      query.set({ draft: JSON.stringify(draft) }, { replace: true });
    } catch (err) {
      if (!controller.signal.aborted) {
        setResult(undefined);
        setError(err instanceof Error ? err : new Error(String(err)));
      }
    } finally {
      if (!controller.signal.aborted) setSending(false);
    }
  };

  const rows = result === undefined ? [] : lineRows(result.draft.items, result.result.items);
  return (
    <div data-testid="page-try">
      <Typography.Title level={3} className="page-title">
        {t('try.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('try.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<VisitDraft>
          form={form}
          layout="vertical"
          initialValues={initial}
          onFinish={(v) => void preview(v)}
          data-testid="try-form"
        >
          <VisitFields onPerson={onPerson} />
          {person !== undefined ? (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={t('try.personFacts', {
                scheme: `${label(t, 'scheme', person.scheme)}·${label(t, 'category', person.category)}`,
                chronic:
                  person.chronicDiseases.length === 0
                    ? t('person.noneCertified')
                    : person.chronicDiseases.join(', '),
                contract: person.familyDoctorContract ? t('persons.contracted') : t('person.noContract'),
              })}
            />
          ) : null}
          <Typography.Title level={5}>{t('try.items')}</Typography.Title>
          <ItemsEditor />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" htmlType="submit" loading={sending} data-testid="try-submit">
              {t('try.preview')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setResult(undefined);
                setError(undefined);
                query.set({ draft: undefined }, { replace: true });
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      {error !== undefined ? <ErrorAlert error={error} /> : null}
      {result !== undefined ? (
        <div data-testid="try-result">
          <Card
            size="small"
            title={t('try.result', {
              version: result.result.policyVersion,
              group: label(t, 'benefitGroup', result.result.benefitGroup),
            })}
            style={{ marginBottom: 16 }}
          >
            <AmountsSummary result={result.result} />
          </Card>
          <Card size="small" title={t('settlement.lines')} style={{ marginBottom: 16 }}>
            <LinesTable rows={rows} />
          </Card>
          <Card size="small" title={t('settlement.explanation')}>
            <TraceExplanation trace={result.result.trace} lineNames={rows.map((r) => r.name)} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
