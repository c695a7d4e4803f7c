import type { Area } from '../../lib/session';
import { t } from '../../lib/i18n';

export type ReportPath = 'revenue' | 'mrr' | 'churn' | 'customers' | 'payments' | 'campaigns';

export interface ReportTab {
  path: ReportPath;
  label: string;
  /** GET /me's area that lets a role read the report (operators read only the payment report). */
  area: Area;
}

export const REPORTS: readonly ReportTab[] = [
  { path: 'revenue', label: t.analytics.tabs.revenue, area: 'analytics' },
  { path: 'mrr', label: t.analytics.tabs.mrr, area: 'analytics' },
  { path: 'churn', label: t.analytics.tabs.churn, area: 'analytics' },
  { path: 'customers', label: t.analytics.tabs.customers, area: 'analytics' },
  { path: 'payments', label: t.analytics.tabs.payments, area: 'paymentReports' },
  { path: 'campaigns', label: t.analytics.tabs.campaigns, area: 'analytics' },
];

/** The period's parameters are carried from tab to tab; a tab's own (group, campaign) are not. */
export function periodSearch(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['period', 'from', 'to']) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}
