import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { t } from '../../../lib/i18n';
import { can, useMe } from '../../../lib/session';
import { SETTINGS_PAGES } from './pages';
import '../settings.css';

/**
 * The settings section's frame: a sub-navigation listing only the pages the
 * signed-in role may read (a Manager sees no users, API keys, environments,
 * provider settings or audit log, not even their names), beside the page.
 */
export function SettingsLayout() {
  const me = useMe().data;
  const pages = SETTINGS_PAGES.filter((page) => can(me, page.area, 'read'));
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the links are a strip scrolled sideways: the current one is brought into it.
  useEffect(() => {
    const list = nav.current?.querySelector('ul');
    const current = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current && list.scrollWidth > list.clientWidth) {
      list.scrollLeft += current.getBoundingClientRect().left - list.getBoundingClientRect().left - 12;
    }
  }, [pathname]);
  return (
    <div className="settings">
      {pages.length > 0 ? (
        <nav ref={nav} className="settings-nav" aria-label={t.settings.nav.label}>
          <p className="settings-nav-title" aria-hidden="true">
            {t.settings.nav.label}
          </p>
          <ul>
            {pages.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path ? `/settings/${page.path}` : '/settings'} end>
                  {page.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="settings-page">
        <Outlet />
      </div>
    </div>
  );
}
