import type { CallContext, PromiseClient } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';

const DAY = 86_400_000;

export const period = (from: Date, to: Date, interval = '', groupBy = ''): analyticsV1.PeriodRequest => ({
  from: from.toISOString(),
  to: to.toISOString(),
  interval,
  groupBy,
});

/**
 * Every report of an environment over [from, to) (and the campaign's), as
 * comparable values: the moment of asking is left out, and the campaign
 * report's default period with it (it is all-time).
 */
export async function everyReport(
  client: PromiseClient<typeof analyticsV1.AnalyticsServiceService>,
  context: CallContext,
  { from, to, campaignId }: { from: Date; to: Date; campaignId?: string },
) {
  const recent = new Date(Math.max(from.getTime(), to.getTime() - 300 * DAY));
  const answers = await Promise.all([
    client.getSubscriptionSummary(period(from, to), { context }),
    client.getPaymentSummary(period(from, to), { context }),
    client.getCustomerSummary(period(from, to), { context }),
    client.getMrrReport(period(from, to, 'month'), { context }),
    client.getMrrReport(period(recent, to, 'day'), { context }),
    ...['', 'storefront', 'bundle', 'currency'].map((g) => client.getRevenueReport(period(from, to, 'month', g), { context })),
    client.getChurnReport(period(from, to), { context }),
    client.getCustomerReport(period(from, to), { context }),
    client.getPaymentReport(period(from, to), { context }),
    ...(campaignId ? [client.getCampaignReport({ campaignId }, { context })] : []),
  ]);
  return answers.map(({ header, ...rest }) => ({ ...rest, header: 'campaignId' in rest ? header?.currency : { ...header, asOf: undefined } }));
}
