import { currentContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Api } from '../http/api';
import { gather } from '../http/gather';
import { ShortCache } from '../http/short-cache';
import {
  presentCampaignReport,
  presentChurnReport,
  presentCustomerReport,
  presentDashboard,
  presentMrrReport,
  presentPaymentReport,
  presentRevenueReport,
} from './analytics-presenters';
import {
  CampaignIdParams,
  CampaignReportSchema,
  ChurnReportSchema,
  CustomerReportSchema,
  DashboardSchema,
  IntervalQuery,
  MrrReportSchema,
  PaymentReportSchema,
  PeriodQuery,
  RevenueQuery,
  RevenueReportSchema,
} from './analytics-schemas';

export interface AnalyticsRouteOptions {
  /** The deadline of each dashboard source (DASHBOARD_DEADLINE_MS). */
  dashboardDeadlineMs: number;
  /** How long a whole dashboard answer serves the same question in the same environment (DASHBOARD_CACHE_MS). */
  dashboardCacheMs: number;
}

/** The service's own defaults apply to whatever is absent: it gets an empty string. */
const periodOf = (q: { from?: string; to?: string; interval?: string; groupBy?: string }): analyticsV1.PeriodRequest => ({
  from: q.from ? new Date(q.from).toISOString() : '',
  to: q.to ? new Date(q.to).toISOString() : '',
  interval: q.interval ?? '',
  groupBy: q.groupBy ?? '',
});

/**
 * The dashboard and the analytics reports: API.md "Analytics". The dashboard
 * is the `dashboard` row of the role table, the payment report the
 * `paymentReports` row (operators may read it), every other report the
 * `analytics` row.
 */
export function analyticsRoutes(api: Api, options: AnalyticsRouteOptions): void {
  const analytics = api.clients.analytics;
  const reports = { area: 'analytics' as const, access: 'read' as const };
  const dashboards = new ShortCache<Awaited<ReturnType<typeof dashboardOf>>>(options.dashboardCacheMs);
  /** The dashboard's three sources, asked in parallel, each with its deadline. */
  async function dashboardOf(request: analyticsV1.PeriodRequest) {
    const deadline = { deadlineMs: options.dashboardDeadlineMs };
    const { results, degraded, failures } = await gather(
      {
        subscriptions: () => analytics.getSubscriptionSummary(request, deadline),
        payments: () => analytics.getPaymentSummary(request, deadline),
        customers: () => analytics.getCustomerSummary(request, deadline),
      },
      options.dashboardDeadlineMs,
    );
    // Nothing to show: the first failure leaves as what it is (a 503 when analytics is down, a 400 for a period it refuses).
    if (degraded.length === 3) throw failures[degraded[0]!];
    if (degraded.length > 0) {
      const reasons = Object.fromEntries(degraded.map((name) => [name, (failures[name] as Error | undefined)?.message]));
      api.logger.warn({ degraded, reasons }, 'dashboard answered without some of its sources');
    }
    return { results, degraded };
  }

  api.add({
    method: 'get',
    path: '/dashboard',
    summary:
      "The environment's figures at a glance, from three sources asked in parallel; a source that does not answer in time is named in `degraded` and its figures are null (503 when none answers)",
    tag: 'Analytics',
    auth: { area: 'dashboard', access: 'read' },
    query: PeriodQuery,
    response: DashboardSchema,
    errors: [503],
    async handler({ query }) {
      const request = periodOf(query);
      const scope = currentContext()?.scope;
      // The portal asks on every open page: one environment's same question is answered once
      // per DASHBOARD_CACHE_MS (and once for the requests that ask it meanwhile).
      const key = `${scope?.tenantId}/${scope?.environmentId}/${JSON.stringify(request)}`;
      const answer = await dashboards.get(key, () => dashboardOf(request), (a) => a.degraded.length === 0);
      return presentDashboard(answer.results, answer.degraded);
    },
  });

  api.add({
    method: 'get',
    path: '/analytics/mrr',
    summary: 'MRR at the end of each bucket, with its movements inside the bucket (new, expansion, contraction, churn, reactivation)',
    tag: 'Analytics',
    auth: reports,
    query: IntervalQuery,
    response: MrrReportSchema,
    async handler({ query }) {
      return presentMrrReport(await analytics.getMrrReport(periodOf(query)));
    },
  });

  api.add({
    method: 'get',
    path: '/analytics/revenue',
    summary: 'Gross, refunds and net per bucket, optionally split by storefront, bundle or currency',
    tag: 'Analytics',
    auth: reports,
    query: RevenueQuery,
    response: RevenueReportSchema,
    async handler({ query }) {
      return presentRevenueReport(await analytics.getRevenueReport(periodOf(query)));
    },
  });

  api.add({
    method: 'get',
    path: '/analytics/churn',
    summary: 'Subscriptions active at the start, those that churned in the period, the churn rate and the MRR lost',
    tag: 'Analytics',
    auth: reports,
    query: PeriodQuery,
    response: ChurnReportSchema,
    async handler({ query }) {
      return presentChurnReport(await analytics.getChurnReport(periodOf(query)));
    },
  });

  api.add({
    method: 'get',
    path: '/analytics/customers',
    summary: 'New and active customers, ARPU, LTV and the churn rate of the period',
    tag: 'Analytics',
    auth: reports,
    query: PeriodQuery,
    response: CustomerReportSchema,
    async handler({ query }) {
      return presentCustomerReport(await analytics.getCustomerReport(periodOf(query)));
    },
  });

  api.add({
    method: 'get',
    path: '/analytics/payments',
    summary: 'Payment attempts, successes and failures by code, the success rate, refunds and what was collected',
    tag: 'Analytics',
    auth: { area: 'paymentReports', access: 'read' },
    query: PeriodQuery,
    response: PaymentReportSchema,
    async handler({ query }) {
      return presentPaymentReport(await analytics.getPaymentReport(periodOf(query)));
    },
  });

  api.add({
    method: 'get',
    path: '/analytics/campaigns/{id}',
    summary: "A campaign's all-time performance: redemptions, revenue, and per A/B variant the customers assigned and converted",
    tag: 'Analytics',
    auth: reports,
    params: CampaignIdParams,
    response: CampaignReportSchema,
    errors: [404],
    async handler({ params }) {
      return presentCampaignReport(await analytics.getCampaignReport({ campaignId: params.id }));
    },
  });
}
