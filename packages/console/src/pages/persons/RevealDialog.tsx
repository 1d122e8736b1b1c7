// 查看完整信息 (R-B7): the full name and 身份证号 are a deliberate act — a reason (at least 4
// characters), asked in a small dialog, sent to the service, which checks person.reveal and writes
// the reason to the audit log. The page shows what the service answers; nothing is unmasked here.
import type { Person } from '@yibao/api';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/LocaleContext';

const MIN_REASON = 4;

export function RevealDialog({
  personId,
  onRevealed,
}: {
  personId: string;
  onRevealed: (person: Person) => void;
}) {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const tooShort = Array.from(reason.trim()).length < MIN_REASON;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onRevealed(await api.personRevealed(personId, reason.trim()));
      setOpen(false);
      setReason('');
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setOpen(true);
        }}
        data-testid="reveal-open"
      >
        {t('privacy.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('privacy.revealTitle')}
        okText={t('privacy.confirm')}
        cancelText={t('privacy.cancel')}
        okButtonProps={{ disabled: tooShort, loading: busy, 'data-testid': 'reveal-confirm' }}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('privacy.revealNote')} style={{ marginBottom: 12 }} />
        <Typography.Text strong>{t('privacy.reason')}</Typography.Text>
        <Input.TextArea
          value={reason}
          maxLength={200}
          rows={2}
          placeholder={t('privacy.reasonPlaceholder')}
          onChange={(e) => {
            setReason(e.target.value);
          }}
          data-testid="reveal-reason"
        />
        {reason !== '' && tooShort ? (
          <Typography.Text type="danger">{t('privacy.reasonTooShort')}</Typography.Text>
        ) : null}
        {error !== undefined ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={error} />
          </div>
        ) : null}
      </Modal>
    </>
  );
}
