// 仅显示一次: a password or a key's secret the service shows this once and keeps only as a hash.
// Each value can be copied; the dialog says plainly that it cannot be shown again, and closes only
// on the officer's word that it is kept (not on a stray click beside it).
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/LocaleContext';

export interface SecretValue {
  label: ReactNode;
  value: string;
  /** The secret itself (copyable, in a monospace box) rather than a name beside it. */
  secret?: boolean;
  testId?: string;
}

export function SecretOnce({
  open,
  title,
  values,
  onClose,
}: {
  open: boolean;
  title: ReactNode;
  values: readonly SecretValue[];
  onClose: () => void;
}) {
  const { t } = useLocale();
  return (
    <Modal
      open={open}
      title={title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-once-done">
          {t('secret.done')}
        </Button>
      }
      destroyOnHidden
    >
      <div data-testid="secret-once">
        <Alert type="warning" showIcon title={t('secret.warning')} style={{ marginBottom: 16 }} />
        <Descriptions
          size="small"
          column={1}
          bordered
          items={values.map((v, i) => ({
            key: String(i),
            label: v.label,
            children: (
              <Typography.Text
                code={v.secret === true}
                copyable={{ text: v.value, tooltips: [t('secret.copy'), t('secret.copied')] }}
                data-testid={v.testId}
                style={{ wordBreak: 'break-all' }}
              >
                {v.value}
              </Typography.Text>
            ),
          }))}
        />
      </div>
    </Modal>
  );
}
