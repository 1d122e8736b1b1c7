// The frame every page sits in: the menu of the pages the signed-in role sees (session/areas.ts),
// the language switch, who is signed in, and the page — or the not-allowed page for a page the
// role does not see.
import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalculatorOutlined,
  SwapOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useLocale } from '../i18n/LocaleContext';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages.zh';
import { useSession } from '../session/SessionContext';
import { RequireArea } from '../session/SessionGate';
import type { Area } from '../session/areas';
import { LanguageSwitch } from './LanguageSwitch';
import { SessionMenu } from './SessionMenu';

const SECTIONS: ReadonlyArray<{
  path: string;
  area: Area;
  key: MessageKey;
  icon: ReactNode;
}> = [
  { path: '/', area: 'dashboard', key: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/settlements', area: 'settlements', key: 'nav.settlements', icon: <FileSearchOutlined /> },
  { path: '/persons', area: 'persons', key: 'nav.persons', icon: <TeamOutlined /> },
  { path: '/institutions', area: 'institutions', key: 'nav.institutions', icon: <BankOutlined /> },
  { path: '/policy', area: 'policy', key: 'nav.policy', icon: <AuditOutlined /> },
  { path: '/catalogue', area: 'catalogue', key: 'nav.catalogue', icon: <BookOutlined /> },
  { path: '/referrals', area: 'institutions', key: 'nav.referrals', icon: <SwapOutlined /> },
  { path: '/try', area: 'try', key: 'nav.try', icon: <CalculatorOutlined /> },
  { path: '/accounts', area: 'accounts', key: 'nav.accounts', icon: <SafetyCertificateOutlined /> },
];

function sectionOf(pathname: string): string {
  const match = SECTIONS.filter((s) => s.path !== '/' && pathname.startsWith(s.path)).at(0);
  return match?.path ?? '/';
}

export function AppLayout() {
  const { t } = useLocale();
  const location = useLocation();
  const { sees } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200} className="no-print" theme="dark">
        <div className="brand">
          <div className="brand-title">{t('app.title')}</div>
          <div className="brand-sub">{t('app.subtitle')}</div>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[sectionOf(location.pathname)]}
          items={SECTIONS.filter((s) => sees(s.area)).map((s) => ({
            key: s.path,
            icon: s.icon,
            label: (
              <Link to={s.path} data-testid={`nav-${s.path === '/' ? 'dashboard' : s.path.slice(1)}`}>
                {t(s.key)}
              </Link>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header no-print">
          <Typography.Text type="secondary">{t('app.region')}</Typography.Text>
          <div className="app-header-right">
            <LanguageSwitch />
            <SessionMenu />
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">
          <RequireArea>
            <Outlet />
          </RequireArea>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
