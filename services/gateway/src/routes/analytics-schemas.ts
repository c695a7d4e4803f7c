import { z } from 'zod';
import { Timestamp } from '../http/schemas';

/**
 * Request and response schemas of the dashboard and the analytics reports
 * (API.md "Analytics"). The gateway checks the period and the enumerations
 * here, every problem at once; the analytics service checks them again and
 * applies the defaults (the 30 days before the environment's now).
 */

export const INTERVALS = ['day', 'month'] as const;
export const REVENUE_GROUPS = ['storefront', 'bundle', 'currency'] as const;
export const DASHBOARD_SOURCES = ['subscriptions', 'payments', 'customers'] as const;

// ---- queries -------------------------------------------------------------------------------

const DateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-03-01T00:00:00Z' });
const At = (description: string) => DateTime.optional().openapi({ format: 'date-time', description, example: '2026-03-01T00:00:00Z' });

const periodShape = {
  from: At('Inclusive; default: 30 days before `to`.'),
  to: At("Exclusive; default: the environment's now (a sandbox's test clock included)."),
};

/** `from` must come before `to` when both are given; checked even when another parameter is invalid. */
const period = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ ...periodShape, ...shape }).refine(
    (q) => {
      const { from, to } = q as { from: string; to: string };
      return Date.parse(from) < Date.parse(to);
    },
    {
      path: ['from'],
      message: 'must be before to',
      when: ({ value }) => {
        const { from, to } = value as { from?: unknown; to?: unknown };
        return DateTime.safeParse(from).success && DateTime.safeParse(to).success;
      },
    },
  );

const Interval = z
  .enum(INTERVALS, { error: 'must be day or month' })
  .optional()
  .openapi({ description: 'The size of each bucket; default `day`.' });

export const PeriodQuery = period({});
export const IntervalQuery = period({ interval: Interval });
export const RevenueQuery = period({
  interval: Interval,
  groupBy: z
    .enum(REVENUE_GROUPS, { error: 'must be storefront, bundle or currency' })
    .optional()
    .openapi({ description: 'Splits each bucket by storefront id, bundle id or payment currency; default: no split.' }),
});

export const CampaignIdParams = z.object({
  id: z.string().min(1).max(64).openapi({ example: 'cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M' }),
});

// ---- responses -----------------------------------------------------------------------------

const Rate = (description: string) => z.number().nullable().openapi({ description: `${description} A fraction from 0 to 1; null when undefined.` });
const Count = z.number().int();

/**
 * An amount in the tenant's reporting currency. Not a named component: the
 * OpenAPI generator drops `nullable` from a reference, and the dashboard's
 * amounts are null when their source is degraded.
 */
export const ReportAmountSchema = z.object({
  amount: z.number().int().openapi({ description: 'Integer minor units.' }),
  currency: z.string().nullable().openapi({ description: 'The reporting currency; null while analytics has not yet heard of the tenant.', example: 'EUR' }),
});

/** An amount in a currency the tenant's fxRates do not convert: reported apart, never dropped. */
export const UnconvertedAmountSchema = z
  .object({ amount: z.number().int(), currency: z.string().openapi({ example: 'CHF' }) })
  .openapi('UnconvertedAmount');

const Unconverted = z.array(UnconvertedAmountSchema).openapi({ description: 'Amounts in currencies with no rate, each in its own currency.' });

export const PeriodSchema = z.object({ from: Timestamp, to: Timestamp }).openapi('ReportPeriod', { description: '[from, to): the period the figures cover.' });

const header = {
  asOf: Timestamp.openapi({ description: "The environment's now when the figures were read." }),
  currency: z.string().nullable().openapi({ description: "The tenant's reporting currency; null while analytics has not yet heard of the tenant.", example: 'EUR' }),
};

export const DashboardSchema = z
  .object({
    ...header,
    mrr: ReportAmountSchema.nullable().openapi({ description: 'MRR at `to`.' }),
    activeSubscriptions: Count.nullable().openapi({ description: '`active` + `past_due` at `to`.' }),
    trialingSubscriptions: Count.nullable(),
    churnRate: Rate('Subscriptions that ended in the period after having been paid ÷ active subscriptions at `from`.'),
    paymentSuccessRate: Rate('Succeeded payment attempts ÷ all attempts in the period (retries count).'),
    revenue: ReportAmountSchema.nullable().openapi({ description: 'Succeeded payments − refunds in the period.' }),
    newCustomers: Count.nullable(),
    period: PeriodSchema,
    degraded: z.array(z.enum(DASHBOARD_SOURCES)).openapi({
      description:
        "The sources that did not answer in time: `subscriptions` (mrr, activeSubscriptions, trialingSubscriptions, churnRate), `payments` (paymentSuccessRate, revenue), `customers` (newCustomers). Their figures are null; the rest is still returned. When no source answers, the answer is a 503.",
    }),
    unconverted: z
      .object({ mrr: Unconverted.nullable(), revenue: Unconverted.nullable() })
      .openapi({ description: 'MRR and revenue in currencies with no rate; null when their source is degraded.' }),
  })
  .openapi('Dashboard');

const Movement = (description: string) => z.number().int().openapi({ description: `${description} A non-negative amount in the reporting currency.` });

export const MrrReportSchema = z
  .object({
    data: z.array(
      z.object({
        at: Timestamp.openapi({ description: 'The end of the bucket; the last point is `to`.' }),
        mrr: z.number().int().openapi({ description: 'MRR at `at`.' }),
        new: Movement('MRR of subscriptions that started paying in the bucket.'),
        expansion: Movement('MRR added by changes to existing subscriptions.'),
        contraction: Movement('MRR removed by changes to existing subscriptions (a magnitude).'),
        churn: Movement('MRR of subscriptions that ended (a magnitude).'),
        reactivation: Movement('MRR of subscriptions that came back.'),
      }),
    ),
    interval: z.enum(INTERVALS),
    ...header,
    period: PeriodSchema,
    unconverted: Unconverted.openapi({ description: 'MRR at `to` in currencies with no rate.' }),
  })
  .openapi('MrrReport');

const revenueRow = (currency: string) =>
  z.object({
    at: Timestamp.openapi({ description: 'The start of the bucket.' }),
    group: z.string().nullable().openapi({ description: 'The storefront id, bundle id or currency of the row; null when not grouped (or for payments without a storefront).' }),
    gross: z.number().int().openapi({ description: 'Succeeded payments.' }),
    refunds: z.number().int().openapi({ description: 'Succeeded refunds.' }),
    net: z.number().int().openapi({ description: 'gross − refunds.' }),
    currency: z.string().openapi({ description: currency }),
  });

export const RevenueReportSchema = z
  .object({
    data: z.array(revenueRow('The reporting currency.')),
    totals: z.object({ gross: z.number().int(), refunds: z.number().int(), net: z.number().int() }).openapi({ description: 'The sums of `data`.' }),
    interval: z.enum(INTERVALS),
    groupBy: z.enum(REVENUE_GROUPS).nullable(),
    ...header,
    period: PeriodSchema,
    unconverted: z.array(revenueRow('The currency of the payments, which has no rate.')).openapi({ description: 'Rows whose currency has no rate, in their own currency.' }),
  })
  .openapi('RevenueReport');

export const ChurnReportSchema = z
  .object({
    ...header,
    period: PeriodSchema,
    activeAtStart: Count.openapi({ description: 'Active subscriptions at `from`.' }),
    churned: Count.openapi({ description: 'Subscriptions canceled in the period after having been paid.' }),
    churnRate: Rate('churned ÷ activeAtStart.'),
    churnedMrr: ReportAmountSchema.openapi({ description: 'MRR lost to churn in the period.' }),
  })
  .openapi('ChurnReport');

export const CustomerReportSchema = z
  .object({
    ...header,
    period: PeriodSchema,
    new: Count.openapi({ description: 'Customers whose first MRR began in the period.' }),
    active: Count.openapi({ description: 'Customers with an active or past_due subscription at `to`.' }),
    arpu: ReportAmountSchema.nullable().openapi({ description: 'MRR at `to` ÷ active customers; null when there are none.' }),
    ltv: ReportAmountSchema.nullable().openapi({ description: 'ARPU ÷ churn rate of the period; null when either is null or churn is 0.' }),
    churnRate: Rate('The churn rate of the period.'),
  })
  .openapi('CustomerReport');

export const PaymentReportSchema = z
  .object({
    ...header,
    period: PeriodSchema,
    attempts: Count.openapi({ description: 'Payment attempts in the period, retries included.' }),
    successes: Count,
    failures: Count,
    successRate: Rate('successes ÷ attempts.'),
    failuresByCode: z.array(z.object({ code: z.string().openapi({ example: 'card_declined' }), count: Count })),
    refunds: z.object({ count: Count, amount: ReportAmountSchema }).openapi({ description: 'Succeeded refunds in the period.' }),
    collected: ReportAmountSchema.openapi({ description: 'Succeeded payments in the period.' }),
    unconverted: z.object({ collected: Unconverted, refunded: Unconverted }),
  })
  .openapi('PaymentReport');

export const CampaignReportSchema = z
  .object({
    campaignId: z.string(),
    ...header,
    redemptions: Count.openapi({ description: 'Confirmed redemptions (released ones do not count).' }),
    revenue: ReportAmountSchema.openapi({ description: "Succeeded payments − refunds of subscriptions that carry the campaign's offer." }),
    byVariant: z.array(
      z.object({
        variant: z.string(),
        assigned: Count,
        redemptions: Count,
        conversionRate: Rate('redemptions ÷ assigned.'),
        revenue: ReportAmountSchema,
      }),
    ),
    unconverted: Unconverted,
  })
  .openapi('CampaignReport', { description: "The campaign's all-time performance." });
