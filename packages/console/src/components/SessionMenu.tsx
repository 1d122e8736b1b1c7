// The header's corner: who is signed in and as what, their own password, and signing out. On a
// service without sign-in it says so instead, so nobody mistakes it for a guarded one.
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { label } from '../format/labels';
import { useLocale } from '../i18n/LocaleContext';
import { useSession } from '../session/SessionContext';
import { SIGN_IN_PATH } from '../session/next';
import { ChangePasswordDialog } from './ChangePasswordDialog';

export function SessionMenu() {
  const { t } = useLocale();
  const { state, account, signOut } = useSession();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);

  if (state.status === 'open')
    return (
      <Tooltip title={t('session.openHelp')}>
        <Tag color="orange" data-testid="session-open">
          {t('session.open')}
        </Tag>
      </Tooltip>
    );
  if (account === null) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', label: t('session.changePassword') },
            { type: 'divider' },
            {
              key: 'signOut',
              label: <span data-testid="sign-out">{t('session.signOut')}</span>,
              danger: true,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            if (key === 'signOut')
              void signOut().finally(() => {
                void navigate(SIGN_IN_PATH, { replace: true });
              });
          },
        }}
      >
        <Button type="text" data-testid="session-menu">
          <Space size={6}>
            <UserOutlined />
            <span data-testid="session-user">{account.displayName}</span>
            {account.roles.map((role) => (
              <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
                {label(t, 'role', role)}
              </Tag>
            ))}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordDialog
        open={changing}
        onClose={() => {
          setChanging(false);
        }}
      />
    </>
  );
}
