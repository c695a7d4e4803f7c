import { t } from '../../../lib/i18n';
import type { Area } from '../../../lib/session';

/** One page of the settings section: its sub-path, its name, and the area of the role table it shows. */
export interface SettingsPage {
  path: string;
  label: string;
  area: Area;
}

const nav = t.settings.nav;

/**
 * The settings pages in the order of the sub-navigation. `administration` is
 * the Administrator's row of API.md's table (users, API keys, environments,
 * provider settings, audit log); `tenantProfile` is readable by the Manager
 * and the Viewer too.
 */
export const SETTINGS_PAGES: readonly SettingsPage[] = [
  { path: '', label: nav.profile, area: 'tenantProfile' },
  { path: 'environments', label: nav.environments, area: 'administration' },
  { path: 'users', label: nav.users, area: 'administration' },
  { path: 'api-keys', label: nav.apiKeys, area: 'administration' },
  { path: 'payment-providers', label: nav.paymentProviders, area: 'administration' },
  { path: 'usage', label: nav.usage, area: 'tenantProfile' },
  { path: 'audit-log', label: nav.auditLog, area: 'administration' },
];
