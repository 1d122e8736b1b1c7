// The console: Ant Design in the chosen language, the sign-in page, and the routes of the pages
// behind it (session/SessionGate.tsx). Every page keeps its
// state in the URL, so a reload or a shared link lands on the same view.
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { Loading } from './components/Loading';
import { LocaleProvider, useLocale } from './i18n/LocaleContext';
import { SessionProvider } from './session/SessionContext';
import { RequireSession } from './session/SessionGate';
import { DashboardPage } from './pages/DashboardPage';
import { NotFoundPage } from './pages/NotFoundPage';

// The dashboard is the landing page and comes with the first load; the rest load when opened.
const SettlementsPage = lazy(() => import('./pages/SettlementsPage'));
const SettlementDetailPage = lazy(() => import('./pages/SettlementDetailPage'));
const PersonsPage = lazy(() => import('./pages/PersonsPage'));
const PersonDetailPage = lazy(() => import('./pages/PersonDetailPage'));
const InstitutionsPage = lazy(() => import('./pages/InstitutionsPage'));
const InstitutionDetailPage = lazy(() => import('./pages/InstitutionDetailPage'));
const PolicyPage = lazy(() => import('./pages/PolicyPage'));
const TryVisitPage = lazy(() => import('./pages/TryVisitPage'));
const CataloguePage = lazy(() => import('./pages/CataloguePage'));
// issue 13: the signed-in workplace
const SignInPage = lazy(() => import('./pages/SignInPage'));
const AccountsPage = lazy(() => import('./pages/AccountsPage'));
const AccountDetailPage = lazy(() => import('./pages/AccountDetailPage'));
// The registry workplace (登记簿经办): an application's review, referrals and e-prescriptions.
const ApplicationDetailPage = lazy(() => import('./pages/ApplicationDetailPage'));
const ReferralsPage = lazy(() => import('./pages/ReferralsPage'));

function Localised() {
  const { locale, t } = useLocale();
  // Set before the pickers render (not in an effect), so dates never flash in the other language.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.documentTitle');
  }, [locale, t]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1668dc' } }}>
      <BrowserRouter>
        <SessionProvider>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="sign-in" element={<SignInPage />} />
              <Route
                element={
                  <RequireSession>
                    <AppLayout />
                  </RequireSession>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route path="settlements" element={<SettlementsPage />} />
                <Route path="settlements/:settlementId" element={<SettlementDetailPage />} />
                <Route path="persons" element={<PersonsPage />} />
                <Route path="persons/:personId" element={<PersonDetailPage />} />
                <Route path="institutions" element={<InstitutionsPage />} />
                <Route path="institutions/:institutionId" element={<InstitutionDetailPage />} />
                <Route path="policy" element={<PolicyPage />} />
                <Route path="catalogue" element={<CataloguePage />} />
                <Route path="try" element={<TryVisitPage />} />
                <Route path="institutions/applications/:applicationId" element={<ApplicationDetailPage />} />
                <Route path="referrals" element={<ReferralsPage />} />
                <Route path="accounts" element={<AccountsPage />} />
                <Route path="accounts/:accountId" element={<AccountDetailPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </Suspense>
        </SessionProvider>
      </BrowserRouter>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Localised />
    </LocaleProvider>
  );
}
