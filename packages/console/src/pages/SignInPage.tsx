// 登录: username and password, checked by the service. A wrong pair is said on the field the
// service names (never which of the two was wrong beyond what it says); a locked account is said
// in a box of its own, with the service's words on when it opens again.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiRequestError } from '../api/client';
import { ACCOUNT_LIMITS } from '../api/access-types';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/Loading';
import { useLocale } from '../i18n/LocaleContext';
import { homeOf, visibilityOfRoles } from '../session/areas';
import { useSession } from '../session/SessionContext';
import { safeNext } from '../session/next';

interface SignInForm {
  username: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form] = Form.useForm<SignInForm>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ locked: boolean; code: string; message: string } | null>(null);

  const { state } = session;
  if (state.status === 'checking') return <Loading />;
  // Already in (or a service without sign-in): straight on.
  if (state.status === 'signedIn') return <Navigate to={next ?? homeOf(session.visibility)} replace />;
  if (state.status === 'open') return <Navigate to={next ?? '/'} replace />;

  const submit = async (values: SignInForm) => {
    setBusy(true);
    setRefusal(null);
    try {
      const account = await session.signIn(values.username.trim(), values.password);
      void navigate(next ?? homeOf(visibilityOfRoles(account.roles)), { replace: true });
    } catch (err) {
      if (!(err instanceof ApiRequestError)) {
        setRefusal({
          locked: false,
          code: 'failed',
          message: err instanceof Error ? err.message : String(err),
        });
      } else if (err.code === 'account_locked' || err.code === 'account_disabled') {
        setRefusal({ locked: true, code: err.code, message: err.message });
      } else if (err.status === 0 || err.status >= 500) {
        setRefusal({ locked: false, code: err.code, message: err.message });
      } else {
        // On the field the service names; a refusal that names none is about the pair, said under
        // the password (never which of the two was wrong).
        const field = err.field === 'username' || err.field === 'password' ? err.field : 'password';
        const message = err.code === 'invalid_credentials' ? t('signIn.invalid') : err.message;
        form.setFields([{ name: field, errors: [message] }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-in-page" data-testid="page-sign-in">
      <div className="sign-in-language">
        <LanguageSwitch />
      </div>
      <Card className="sign-in-card">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        {state.status === 'signedOut' && state.ended && refusal === null && (
          <Alert type="info" showIcon title={t('signIn.ended')} style={{ marginBottom: 16 }} />
        )}
        {refusal !== null && (
          <Alert
            type={refusal.locked ? 'warning' : 'error'}
            showIcon
            role="alert"
            data-testid={refusal.locked ? 'sign-in-locked' : 'sign-in-error'}
            title={
              refusal.code === 'account_locked'
                ? t('signIn.locked')
                : refusal.code === 'account_disabled'
                  ? t('signIn.disabled')
                  : t('error.failed')
            }
            description={refusal.message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<SignInForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void submit(values)}
          onValuesChange={() => {
            if (refusal !== null && !refusal.locked) setRefusal(null);
          }}
        >
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[
              { required: true, whitespace: true, message: t('signIn.usernameRequired') },
              {
                max: ACCOUNT_LIMITS.usernameMax,
                message: t('accounts.usernameTooLong', { max: ACCOUNT_LIMITS.usernameMax }),
              },
            ]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="sign-in-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[
              { required: true, message: t('signIn.passwordRequired') },
              {
                max: ACCOUNT_LIMITS.passwordMax,
                message: t('password.tooLong', { max: ACCOUNT_LIMITS.passwordMax }),
              },
            ]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="sign-in-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('signIn.help')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
