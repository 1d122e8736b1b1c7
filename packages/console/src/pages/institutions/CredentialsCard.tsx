// 机构接口凭证 (issue 13, administrators): the keys an institution's system signs its calls with.
// Issuing or rotating shows the secret once (the service keeps only its hash); revoking asks for a
// confirmation and a reason. Rotation keeps the old key valid for a grace period (`expiring`), so
// the institution can switch without a gap; revocation ends a key at once.
import { KeyOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { accessApi } from '../../api/access-endpoints';
import { ACCOUNT_LIMITS, type Credential, type CredentialIssued } from '../../api/access-types';
import { ApiRequestError } from '../../api/client';
import { ConfirmWithReason } from '../../components/ConfirmWithReason';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SecretOnce } from '../../components/SecretOnce';
import { label } from '../../format/labels';
import { formatTime } from '../../format/time';
import { useApi } from '../../hooks/useApi';
import { useLocale } from '../../i18n/LocaleContext';
import { useSession } from '../../session/SessionContext';

const STATUS_COLOUR: Record<Credential['status'], string> = {
  active: 'green',
  expiring: 'gold',
  expired: 'default',
  revoked: 'red',
};

/** Shown only to a role that manages credentials; the service answers 403 to anyone else. */
export function CredentialsCard({ institutionId }: { institutionId: string }) {
  const { can } = useSession();
  return can('credentials.manage') ? <Credentials institutionId={institutionId} /> : null;
}

function Credentials({ institutionId }: { institutionId: string }) {
  const { t } = useLocale();
  const list = useApi((signal) => accessApi.credentials(institutionId, signal), [institutionId]);
  const [issuing, setIssuing] = useState(false);
  const [rotating, setRotating] = useState<Credential | null>(null);
  const [revoking, setRevoking] = useState<Credential | null>(null);
  const [issued, setIssued] = useState<CredentialIssued | null>(null);
  const [rotateError, setRotateError] = useState<Error | undefined>(undefined);
  const [rotateBusy, setRotateBusy] = useState(false);

  const rotate = async (c: Credential) => {
    setRotateBusy(true);
    setRotateError(undefined);
    try {
      const fresh = await accessApi.rotateCredential(institutionId, c.keyId);
      setRotating(null);
      setIssued(fresh);
      list.reload();
    } catch (err) {
      setRotateError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setRotateBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <KeyOutlined />
          {t('credentials.title')}
        </Space>
      }
      extra={
        <Button
          type="primary"
          size="small"
          onClick={() => {
            setIssuing(true);
          }}
          data-testid="credential-issue"
        >
          {t('credentials.issue')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="credentials-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('credentials.intro')}
      </Typography.Paragraph>
      {list.error !== undefined && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Table<Credential>
        rowKey="keyId"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('credentials.empty') }}
        columns={[
          {
            title: t('credentials.keyId'),
            key: 'keyId',
            render: (_, c) => <Typography.Text code>{c.keyId}</Typography.Text>,
          },
          { title: t('credentials.label'), key: 'label', render: (_, c) => c.label ?? '—' },
          {
            title: t('credentials.status'),
            key: 'status',
            render: (_, c) => (
              <Tag color={STATUS_COLOUR[c.status]} data-testid={`credential-status-${c.keyId}`}>
                {label(t, 'credentialStatus', c.status)}
              </Tag>
            ),
          },
          { title: t('credentials.createdAt'), key: 'createdAt', render: (_, c) => formatTime(c.createdAt) },
          {
            title: t('credentials.expiresAt'),
            key: 'expiresAt',
            render: (_, c) =>
              c.status === 'revoked' ? (
                <Typography.Text type="secondary">
                  {t('credentials.revokedAt', { at: formatTime(c.revokedAt) })}
                  {c.revokeReason !== undefined && c.revokeReason !== null ? ` · ${c.revokeReason}` : ''}
                </Typography.Text>
              ) : (
                formatTime(c.expiresAt)
              ),
          },
          {
            title: t('credentials.actions'),
            key: 'actions',
            render: (_, c) =>
              c.status === 'active' || c.status === 'expiring' ? (
                <Space size={4}>
                  {c.status === 'active' && (
                    <Button
                      size="small"
                      onClick={() => {
                        setRotateError(undefined);
                        setRotating(c);
                      }}
                      data-testid={`credential-rotate-${c.keyId}`}
                    >
                      {t('credentials.rotate')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setRevoking(c);
                    }}
                    data-testid={`credential-revoke-${c.keyId}`}
                  >
                    {t('credentials.revoke')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />

      <IssueDialog
        open={issuing}
        institutionId={institutionId}
        onClose={() => {
          setIssuing(false);
        }}
        onIssued={(c) => {
          setIssuing(false);
          setIssued(c);
          list.reload();
        }}
      />
      <Modal
        open={rotating !== null}
        title={t('credentials.rotateTitle', { keyId: rotating?.keyId ?? '' })}
        okText={t('credentials.rotate')}
        cancelText={t('confirm.cancel')}
        okButtonProps={{ loading: rotateBusy, 'data-testid': 'credential-rotate-ok' }}
        onOk={() => {
          if (rotating !== null) void rotate(rotating);
        }}
        onCancel={() => {
          setRotating(null);
        }}
        destroyOnHidden
      >
        {rotateError !== undefined && <ErrorAlert error={rotateError} />}
        <Typography.Paragraph>{t('credentials.rotateText')}</Typography.Paragraph>
      </Modal>
      <ConfirmWithReason
        open={revoking !== null}
        testId="confirm-revoke"
        title={t('credentials.revokeTitle', { keyId: revoking?.keyId ?? '' })}
        description={t('credentials.revokeText')}
        confirmLabel={t('credentials.revoke')}
        onCancel={() => {
          setRevoking(null);
        }}
        onConfirm={async (reason) => {
          if (revoking === null) return;
          await accessApi.revokeCredential(institutionId, revoking.keyId, reason);
          setRevoking(null);
          list.reload();
        }}
      />
      <SecretOnce
        open={issued !== null}
        title={t('credentials.issuedTitle')}
        values={
          issued === null
            ? []
            : [
                { label: t('credentials.institution'), value: issued.institutionId },
                { label: t('credentials.keyId'), value: issued.keyId, testId: 'secret-key-id' },
                {
                  label: t('credentials.secret'),
                  value: issued.secret,
                  secret: true,
                  testId: 'secret-value',
                },
              ]
        }
        onClose={() => {
          setIssued(null);
        }}
      />
    </Card>
  );
}

/** 签发: an optional label saying which system holds the key (≤ 100 characters). */
function IssueDialog({
  open,
  institutionId,
  onClose,
  onIssued,
}: {
  open: boolean;
  institutionId: string;
  onClose: () => void;
  onIssued: (c: CredentialIssued) => void;
}) {
  const { t } = useLocale();
  const [form] = Form.useForm<{ label?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);

  const submit = async () => {
    let values: { label?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const text = values.label?.trim();
    setBusy(true);
    setError(undefined);
    try {
      onIssued(await accessApi.issueCredential(institutionId, text === '' ? undefined : text));
      form.resetFields();
    } catch (err) {
      if (err instanceof ApiRequestError && err.field === 'label')
        form.setFields([{ name: 'label', errors: [err.message] }]);
      else setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('credentials.issueTitle', { institutionId })}
      okText={t('credentials.issue')}
      cancelText={t('confirm.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'credential-issue-ok' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error !== undefined && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="label"
          label={t('credentials.label')}
          extra={t('credentials.labelHelp')}
          rules={[
            {
              max: ACCOUNT_LIMITS.credentialLabelMax,
              message: t('credentials.labelTooLong', { max: ACCOUNT_LIMITS.credentialLabelMax }),
            },
          ]}
        >
          <Input data-testid="credential-label" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
