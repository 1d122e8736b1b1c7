// 账户与角色 (issue 13, administrators): every officer's account with its roles and state, a new
// account (its first password shown once), and each account's page for the rest.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { accessApi } from '../api/access-endpoints';
import type { Account, AccountCreated } from '../api/access-types';
import { ErrorAlert } from '../components/ErrorAlert';
import { SecretOnce } from '../components/SecretOnce';
import { label } from '../format/labels';
import { formatTime } from '../format/time';
import { useApi } from '../hooks/useApi';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { IfAllowed } from '../session/SessionContext';
import { accountStatus, STATUS_COLOUR } from './access/accountStatus';
import { CreateAccountDialog } from './access/CreateAccountDialog';

export default function AccountsPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const query = useQueryState();
  const q = query.get('q') ?? '';
  const accounts = useApi((signal) => accessApi.accounts(signal), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AccountCreated | null>(null);

  const needle = q.trim().toLowerCase();
  const rows = (accounts.data ?? []).filter(
    (a) =>
      needle === '' ||
      a.username.toLowerCase().includes(needle) ||
      a.displayName.toLowerCase().includes(needle),
  );

  return (
    <div data-testid="page-accounts">
      <Typography.Title level={3} className="page-title">
        {t('accounts.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('accounts.intro')}</Typography.Paragraph>
      <Space className="filters" wrap>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('accounts.searchPlaceholder')}
          onSearch={(value) => {
            query.set({ q: value === '' ? undefined : value });
          }}
          style={{ width: 280 }}
          data-testid="accounts-search"
        />
        <IfAllowed action="accounts.manage">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreating(true);
            }}
            data-testid="account-create"
          >
            {t('accounts.create')}
          </Button>
        </IfAllowed>
      </Space>
      {accounts.error !== undefined && <ErrorAlert error={accounts.error} onRetry={accounts.reload} />}
      <Table<Account>
        rowKey="id"
        size="small"
        loading={accounts.loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { n }) }}
        locale={{ emptyText: t('accounts.empty') }}
        columns={[
          {
            title: t('accounts.username'),
            key: 'username',
            render: (_, a) => (
              <Link to={`/accounts/${encodeURIComponent(a.id)}`} data-testid={`account-${a.username}`}>
                {a.username}
              </Link>
            ),
          },
          { title: t('accounts.displayName'), dataIndex: 'displayName' },
          {
            title: t('accounts.roles'),
            key: 'roles',
            render: (_, a) =>
              a.roles.map((role) => (
                <Tag key={role} color="blue">
                  {label(t, 'role', role)}
                </Tag>
              )),
          },
          {
            title: t('accounts.institution'),
            key: 'institution',
            render: (_, a) =>
              a.institutionId === null ? (
                '—'
              ) : (
                <Link to={`/institutions/${encodeURIComponent(a.institutionId)}`}>{a.institutionId}</Link>
              ),
          },
          {
            title: t('accounts.status'),
            key: 'status',
            render: (_, a) => {
              const status = accountStatus(a);
              return <Tag color={STATUS_COLOUR[status]}>{label(t, 'accountStatus', status)}</Tag>;
            },
          },
          {
            title: t('accounts.lastSignIn'),
            key: 'lastSignIn',
            render: (_, a) => formatTime(a.lastSignInAt),
          },
        ]}
      />
      <CreateAccountDialog
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          accounts.reload();
        }}
      />
      <SecretOnce
        open={created !== null}
        title={t('accounts.createdTitle', { who: created?.account.username ?? '' })}
        values={
          created === null
            ? []
            : [
                { label: t('accounts.username'), value: created.account.username },
                {
                  label: t('accounts.initialPassword'),
                  value: created.initialPassword ?? created.password ?? '',
                  secret: true,
                  testId: 'secret-password',
                },
              ]
        }
        onClose={() => {
          const id = created?.account.id;
          setCreated(null);
          if (id !== undefined) void navigate(`/accounts/${encodeURIComponent(id)}`);
        }}
      />
    </div>
  );
}
