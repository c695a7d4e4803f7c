import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { isApiError, onUnauthenticated } from '../../lib/api';
import { Button, ErrorNotice } from '../../lib/components';
import { t } from '../../lib/i18n';
import { hasSession, useMe } from '../../lib/session';
import { useScope } from '../../lib/scope';
import { SearchBox } from '../search/SearchBox';
import { EnvironmentSwitch } from './EnvironmentSwitch';
import { OfflineBanner } from './OfflineBanner';
import { Sidebar } from './Sidebar';
import { UserMenu } from './UserMenu';

/** Where sign-in sends the person back to. */
export const returnPath = (location: { pathname: string; search: string }) =>
  `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;

/**
 * The frame of every signed-in page: navigation, search, the environment
 * switch, the sandbox banner, the account menu. It holds the session: a 401
 * anywhere sends the person to sign in and back here afterwards.
 */
export function Shell() {
  const signedIn = hasSession();
  const me = useMe({ enabled: signedIn });
  const location = useLocation();
  const navigate = useNavigate();
  const scope = useScope();
  const [navOpen, setNavOpen] = useState(false);

  useEffect(
    () => onUnauthenticated(() => navigate(`${returnPath(window.location)}&reason=expired`, { replace: true })),
    [navigate],
  );
  // An environment or tenant remembered by this tab that no longer exists: back to the defaults.
  useEffect(() => {
    if (isApiError(me.error) && me.error.status === 404) {
      if (scope.tenantId && me.error.problem.detail?.includes('tenant')) scope.setTenant(undefined);
      else if (scope.environment !== 'production') scope.setEnvironment('production');
    }
  }, [me.error, scope]);

  if (!signedIn) return <Navigate to={returnPath(location)} replace />;
  if (me.isPending) {
    return (
      <p className="loading" role="status" style={{ padding: 24 }}>
        {t.common.loading}
      </p>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) return <Navigate to={returnPath(location)} replace />;
    return (
      <main id="main" style={{ gridColumn: 'auto' }}>
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  const data = me.data;
  const sandbox = data.environment?.kind === 'sandbox';
  if (data.platformAdmin && !data.tenant && location.pathname !== '/tenants' && !location.pathname.startsWith('/tenants/')) {
    return <Navigate to="/tenants" replace />;
  }
  return (
    <div className={['shell', sandbox ? 'shell-has-banner' : ''].join(' ').trim()}>
      <a href="#main" className="skip-link">
        {t.app.skipToContent}
      </a>
      <div className="banners">
        {sandbox ? (
          <div className="sandbox-banner" role="note" aria-label="Sandbox">
            {t.app.sandboxBanner}
          </div>
        ) : null}
        <OfflineBanner />
      </div>
      <Sidebar me={data} open={navOpen} onNavigate={() => setNavOpen(false)} />
      <header className="topbar">
        <Button
          variant="ghost"
          className="menu-button"
          aria-expanded={navOpen}
          aria-controls="sidebar"
          aria-label={navOpen ? t.app.closeNavigation : t.app.openNavigation}
          onClick={() => setNavOpen((o) => !o)}
        >
          <span aria-hidden="true">{navOpen ? '✕' : '☰'}</span>
        </Button>
        <SearchBox />
        <span className="spacer" />
        {data.platformAdmin && data.tenant ? (
          <span className="acting-as">
            {t.app.actAsTenant.acting(data.tenant.name)}
            <Button size="small" onClick={() => { scope.setTenant(undefined); navigate('/tenants'); }}>
              {t.app.actAsTenant.leave}
            </Button>
          </span>
        ) : null}
        <EnvironmentSwitch me={data} />
        <UserMenu me={data} />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
