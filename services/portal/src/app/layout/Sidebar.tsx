import { NavLink } from 'react-router';
import { t } from '../../lib/i18n';
import { can, type Me } from '../../lib/session';

interface Item {
  to: string;
  label: string;
  show: (me: Me) => boolean;
  end?: boolean;
}

const inTenant = (me: Me) => me.tenantId !== null;

/** The sections of the product description, each shown only to a role that may read it. */
const ITEMS: Item[] = [
  { to: '/', label: t.app.nav.dashboard, show: (me) => inTenant(me) && can(me, 'dashboard'), end: true },
  { to: '/customers', label: t.app.nav.customers, show: (me) => can(me, 'customers') },
  { to: '/subscriptions', label: t.app.nav.subscriptions, show: (me) => can(me, 'billing') },
  { to: '/catalog', label: t.app.nav.catalog, show: (me) => can(me, 'catalog') },
  { to: '/campaigns', label: t.app.nav.campaigns, show: (me) => can(me, 'campaigns') },
  { to: '/storefronts', label: t.app.nav.storefronts, show: (me) => can(me, 'storefronts') },
  { to: '/analytics', label: t.app.nav.analytics, show: (me) => can(me, 'analytics') || can(me, 'paymentReports') },
  { to: '/test-clock', label: t.app.nav.testClock, show: (me) => me.environment?.kind === 'sandbox' && can(me, 'testClock') },
  { to: '/developers', label: t.app.nav.developers, show: (me) => can(me, 'webhooks') },
  { to: '/settings', label: t.app.nav.settings, show: (me) => can(me, 'tenantProfile') || can(me, 'administration') },
];

export function Sidebar({ me, open, onNavigate }: { me: Me; open: boolean; onNavigate: () => void }) {
  return (
    <aside className={['sidebar', open ? 'open' : ''].join(' ').trim()} id="sidebar">
      <NavLink to={inTenant(me) ? '/' : '/tenants'} className="brand" onClick={onNavigate}>
        <img src="/favicon.svg" alt="" width={26} height={26} />
        <span>Azotte</span>
      </NavLink>
      <nav aria-label={t.app.mainNavigation} className="nav">
        {ITEMS.filter((item) => item.show(me)).map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end} onClick={onNavigate}>
            {item.label}
          </NavLink>
        ))}
        {me.platformAdmin ? (
          <>
            <p className="nav-section">{t.app.platformAdmin}</p>
            <NavLink to="/tenants" onClick={onNavigate}>
              {t.app.nav.tenants}
            </NavLink>
          </>
        ) : null}
      </nav>
    </aside>
  );
}
