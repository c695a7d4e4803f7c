import { Link, Route, Routes } from 'react-router';
import { PageHeader } from '../../lib/components';
import { t } from '../../lib/i18n';
import { ApiKeysPage } from './api-keys/ApiKeysPage';
import { AuditLogPage } from './audit-log/AuditLogPage';
import { EnvironmentsPage } from './environments/EnvironmentsPage';
import { RequireArea } from './layout/NotAllowed';
import { SettingsLayout } from './layout/SettingsLayout';
import { PaymentProvidersPage } from './payment-providers/PaymentProvidersPage';
import { ProfilePage } from './profile/ProfilePage';
import { UsagePage } from './usage/UsagePage';
import { UsersPage } from './users/UsersPage';

const nav = t.settings.nav;

/**
 * The tenant settings section (/settings/*): the tenant profile, environments,
 * users, API keys, payment providers, usage and the audit log. A page the role
 * may not read is neither listed nor shown: reached directly, it says so.
 */
export default function SettingsSection() {
  return (
    <Routes>
      <Route element={<SettingsLayout />}>
        <Route index element={<RequireArea area="tenantProfile" what={nav.profile}><ProfilePage /></RequireArea>} />
        <Route path="environments" element={<RequireArea area="administration" what={nav.environments}><EnvironmentsPage /></RequireArea>} />
        <Route path="users" element={<RequireArea area="administration" what={nav.users}><UsersPage /></RequireArea>} />
        <Route path="api-keys" element={<RequireArea area="administration" what={nav.apiKeys}><ApiKeysPage /></RequireArea>} />
        <Route path="payment-providers" element={<RequireArea area="administration" what={nav.paymentProviders}><PaymentProvidersPage /></RequireArea>} />
        <Route path="usage" element={<RequireArea area="tenantProfile" what={nav.usage}><UsagePage /></RequireArea>} />
        <Route path="audit-log" element={<RequireArea area="administration" what={nav.auditLog}><AuditLogPage /></RequireArea>} />
        <Route path="*" element={<SettingsNotFound />} />
      </Route>
    </Routes>
  );
}

function SettingsNotFound() {
  const copy = t.settings.notFound;
  return (
    <>
      <PageHeader title={copy.title} />
      <p>{copy.body}</p>
      <p className="settings-back">
        <Link to="/settings">{copy.back}</Link>
      </p>
    </>
  );
}
