// The gates of the signed-in workplace: nothing of the console's pages before the service has said
// who is signed in; the sign-in page for nobody (with the wanted page to come back to); and a
// not-allowed page for a page the role does not see (a typed-in or shared URL). These gates only
// spare the officer a page of refusals: the service refuses the calls themselves (403).
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useLocale } from '../i18n/LocaleContext';
import { areaOfPath, homeOf } from './areas';
import { signInUrl } from './next';
import { useSession } from './SessionContext';

export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'checking') return <Loading />;
  if (state.status === 'failed')
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={state.error} onRetry={retry} />
      </div>
    );
  if (state.status === 'signedOut')
    return <Navigate to={signInUrl(`${location.pathname}${location.search}`)} replace />;
  return <>{children}</>;
}

/** Inside the frame: the page if the role sees it, else the not-allowed page. */
export function RequireArea({ children }: { children: ReactNode }) {
  const { visibility, sees } = useSession();
  const location = useLocation();
  const area = areaOfPath(location.pathname);
  if (area === undefined || sees(area)) return <>{children}</>;
  // The landing page for a role without the dashboard: its own first page instead.
  if (location.pathname === '/' && homeOf(visibility) !== '/')
    return <Navigate to={homeOf(visibility)} replace />;
  return <NotAllowedPage />;
}

export function NotAllowedPage() {
  const { t } = useLocale();
  const { visibility } = useSession();
  return (
    <div data-testid="page-not-allowed">
      <Result
        status="403"
        title={t('access.notAllowedTitle')}
        subTitle={t('access.notAllowedText')}
        extra={
          visibility.areas.length > 0 && (
            <Link to={homeOf(visibility)}>
              <Button type="primary">{t('access.backHome')}</Button>
            </Link>
          )
        }
      />
    </div>
  );
}
