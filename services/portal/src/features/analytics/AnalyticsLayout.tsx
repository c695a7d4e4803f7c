import { NavLink, Outlet, useLocation } from 'react-router';
import { PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';
import { can, useMe } from '../../lib/session';
import { periodSearch, REPORTS } from './reports';
import './analytics.css';

/** Analytics & reporting: one tab (a sub-path) per report the role may read. */
export function AnalyticsLayout() {
  const me = useMe().data;
  const location = useLocation();
  const tabs = REPORTS.filter((r) => can(me, r.area));
  const search = periodSearch(location.search);
  return (
    <>
      <PageHeader title={t.analytics.title} description={can(me, 'analytics') ? t.analytics.description : t.analytics.descriptionPaymentsOnly} />
      <nav aria-label={t.analytics.reportsNav} className="report-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink to={{ pathname: `/analytics/${tab.path}`, search }} className="report-tab">
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
