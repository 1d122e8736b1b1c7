// The frame every page sits in: the menu of the six pages, the language switch, and the page.
import {
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalculatorOutlined,
  SwapOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useLocale } from '../i18n/LocaleContext';
import { LanguageSwitch } from './LanguageSwitch';

const SECTIONS = [
  { path: '/', key: 'nav.dashboard', icon: <DashboardOutlined /> },
  { path: '/settlements', key: 'nav.settlements', icon: <FileSearchOutlined /> },
  { path: '/persons', key: 'nav.persons', icon: <TeamOutlined /> },
  { path: '/institutions', key: 'nav.institutions', icon: <BankOutlined /> },
  { path: '/policy', key: 'nav.policy', icon: <AuditOutlined /> },
  { path: '/catalogue', key: 'nav.catalogue', icon: <BookOutlined /> },
  { path: '/referrals', key: 'nav.referrals', icon: <SwapOutlined /> },
  { path: '/try', key: 'nav.try', icon: <CalculatorOutlined /> },
] as const;

function sectionOf(pathname: string): string {
  const match = SECTIONS.filter((s) => s.path !== '/' && pathname.startsWith(s.path)).at(0);
  return match?.path ?? '/';
}

export function AppLayout() {
  const { t } = useLocale();
  const location = useLocation();
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
          items={SECTIONS.map((s) => ({
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
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
