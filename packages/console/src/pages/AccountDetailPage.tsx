// One officer's account: who, which roles, its state, and what an administrator may do to it
// (AccountActions: each with a confirmation and a reason).
import { Card, Descriptions, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { accessApi } from '../api/access-endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { label } from '../format/labels';
import { formatTime } from '../format/time';
import { useApi } from '../hooks/useApi';
import { useLocale } from '../i18n/LocaleContext';
import { AccountActions } from './access/AccountActions';
import { accountStatus, STATUS_COLOUR } from './access/accountStatus';

export default function AccountDetailPage() {
  const { t } = useLocale();
  const { accountId = '' } = useParams();
  const account = useApi((signal) => accessApi.account(accountId, signal), [accountId]);

  if (account.error !== undefined) return <ErrorAlert error={account.error} onRetry={account.reload} />;
  const a = account.data;
  if (a === undefined) return <Loading />;
  const status = accountStatus(a);
  return (
    <div data-testid="page-account-detail">
      <Typography.Title level={3} className="page-title">
        {a.displayName}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {a.username}
        </Typography.Text>{' '}
        <Tag color={STATUS_COLOUR[status]} data-testid="account-status">
          {label(t, 'accountStatus', status)}
        </Tag>
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'username', label: t('accounts.username'), children: a.username },
            { key: 'displayName', label: t('accounts.displayName'), children: a.displayName },
            {
              key: 'roles',
              label: t('accounts.roles'),
              children: (
                <span data-testid="account-role-tags">
                  {a.roles.map((role) => (
                    <Tag key={role} color="blue">
                      {label(t, 'role', role)}
                    </Tag>
                  ))}
                </span>
              ),
            },
            {
              key: 'institution',
              label: t('accounts.institution'),
              children:
                a.institutionId === null ? (
                  '—'
                ) : (
                  <Link to={`/institutions/${encodeURIComponent(a.institutionId)}`}>{a.institutionId}</Link>
                ),
            },
            { key: 'created', label: t('accounts.createdAt'), children: formatTime(a.createdAt) },
            { key: 'lastSignIn', label: t('accounts.lastSignIn'), children: formatTime(a.lastSignInAt) },
          ]}
        />
      </Card>
      <AccountActions account={a} onChanged={account.reload} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        <Link to="/accounts">← {t('accounts.backToList')}</Link>
      </Typography.Paragraph>
    </div>
  );
}
