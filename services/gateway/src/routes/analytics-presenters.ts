import type { analyticsV1 } from '@azotte/proto';
import type { DASHBOARD_SOURCES, INTERVALS, REVENUE_GROUPS } from './analytics-schemas';

type Interval = (typeof INTERVALS)[number];
type RevenueGroup = (typeof REVENUE_GROUPS)[number];
type Source = (typeof DASHBOARD_SOURCES)[number];

/**
 * The analytics service's answers as API.md writes them. Proto leaves an
 * `optional` field absent when it has no value (a rate over nothing, an ARPU
 * without customers): that is a JSON null here, never 0. The reporting
 * currency is empty in proto while analytics has not heard of the tenant: null here.
 */

const rate = (r: number | undefined) => r ?? null;

/** `asOf`, `currency` and `period`, which every answer starts with. */
export function presentHeader(h: analyticsV1.Header | undefined) {
  return {
    asOf: h?.asOf ?? '',
    currency: h?.currency || null,
    period: { from: h?.from ?? '', to: h?.to ?? '' },
  };
}

/** An amount in the reporting currency (the header's when the service left the money's own empty). */
const amountOf = (amount: number, h: analyticsV1.Header | undefined, currency = '') => ({ amount, currency: currency || h?.currency || null });
const money = (m: analyticsV1.Money | undefined, h: analyticsV1.Header | undefined) => amountOf(m?.amount ?? 0, h, m?.currency);
const unconverted = (list: analyticsV1.Money[]) => list.map((m) => ({ amount: m.amount, currency: m.currency }));

export interface DashboardParts {
  subscriptions?: analyticsV1.SubscriptionSummary;
  payments?: analyticsV1.PaymentSummary;
  customers?: analyticsV1.CustomerSummary;
}

/**
 * The dashboard from whichever of its three sources answered: a degraded
 * source's figures are null. The header comes from the first that answered
 * (all three read the same clock and period).
 */
export function presentDashboard(parts: DashboardParts, degraded: Source[]) {
  const { subscriptions: s, payments: p, customers: c } = parts;
  const h = (s ?? p ?? c)?.header;
  const { asOf, currency, period } = presentHeader(h);
  return {
    asOf,
    currency,
    mrr: s ? money(s.mrr, h) : null,
    activeSubscriptions: s ? s.activeSubscriptions : null,
    trialingSubscriptions: s ? s.trialingSubscriptions : null,
    churnRate: s ? rate(s.churnRate) : null,
    paymentSuccessRate: p ? rate(p.paymentSuccessRate) : null,
    revenue: p ? money(p.revenue, h) : null,
    newCustomers: c ? c.newCustomers : null,
    period,
    degraded,
    unconverted: { mrr: s ? unconverted(s.unconverted) : null, revenue: p ? unconverted(p.unconverted) : null },
  };
}

export function presentMrrReport(r: analyticsV1.MrrReport) {
  return {
    data: r.data.map((point) => ({
      at: point.at,
      mrr: point.mrr,
      new: point.new,
      expansion: point.expansion,
      contraction: point.contraction,
      churn: point.churn,
      reactivation: point.reactivation,
    })),
    interval: (r.interval || 'day') as Interval,
    ...presentHeader(r.header),
    unconverted: unconverted(r.unconverted),
  };
}

const revenueRow = (row: analyticsV1.RevenueRow) => ({
  at: row.at,
  group: row.group || null,
  gross: row.gross,
  refunds: row.refunds,
  net: row.net,
  currency: row.currency,
});

export function presentRevenueReport(r: analyticsV1.RevenueReport) {
  return {
    data: r.data.map(revenueRow),
    totals: { gross: r.gross, refunds: r.refunds, net: r.net },
    interval: (r.interval || 'day') as Interval,
    groupBy: (r.groupBy || null) as RevenueGroup | null,
    ...presentHeader(r.header),
    unconverted: r.unconverted.map(revenueRow),
  };
}

export function presentChurnReport(r: analyticsV1.ChurnReport) {
  return {
    ...presentHeader(r.header),
    activeAtStart: r.activeAtStart,
    churned: r.churned,
    churnRate: rate(r.churnRate),
    churnedMrr: amountOf(r.churnedMrr, r.header),
  };
}

export function presentCustomerReport(r: analyticsV1.CustomerReport) {
  return {
    ...presentHeader(r.header),
    new: r.newCustomers,
    active: r.activeCustomers,
    arpu: r.arpu === undefined ? null : amountOf(r.arpu, r.header),
    ltv: r.ltv === undefined ? null : amountOf(r.ltv, r.header),
    churnRate: rate(r.churnRate),
  };
}

export function presentPaymentReport(r: analyticsV1.PaymentReport) {
  return {
    ...presentHeader(r.header),
    attempts: r.attempts,
    successes: r.successes,
    failures: r.failures,
    successRate: rate(r.successRate),
    failuresByCode: r.failuresByCode.map((f) => ({ code: f.code, count: f.count })),
    refunds: { count: r.refunds, amount: money(r.refunded, r.header) },
    collected: money(r.collected, r.header),
    unconverted: { collected: unconverted(r.unconvertedCollected), refunded: unconverted(r.unconvertedRefunded) },
  };
}

export function presentCampaignReport(r: analyticsV1.CampaignReport) {
  const { asOf, currency } = presentHeader(r.header);
  return {
    campaignId: r.campaignId,
    asOf,
    currency,
    redemptions: r.redemptions,
    revenue: money(r.revenue, r.header),
    byVariant: r.byVariant.map((v) => ({
      variant: v.variant,
      assigned: v.assigned,
      redemptions: v.redemptions,
      conversionRate: rate(v.conversionRate),
      revenue: money(v.revenue, r.header),
    })),
    unconverted: unconverted(r.unconverted),
  };
}
