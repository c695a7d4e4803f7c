import { notFound, type CallContext } from '@azotte/common';
import type { analyticsV1 } from '@azotte/proto';
import type { Deps } from '../domain/deps';
import { reportContext } from './context';
import { inReporting } from './figures';
import { addTo, type Amounts } from './reporting';

/**
 * A campaign's performance since it began: confirmed redemptions, revenue of
 * the subscriptions carrying its offer (succeeded payments − succeeded
 * refunds of them), and per A/B variant: customers assigned, redemptions,
 * conversion (redemptions ÷ assigned) and revenue.
 */
export async function campaignReport(deps: Deps, ctx: CallContext, request: analyticsV1.CampaignReportRequest): Promise<analyticsV1.CampaignReport> {
  const { scope, reporting, header } = await reportContext(deps, ctx, {});
  const where = { tenant_id: scope.tenantId, environment_id: scope.environmentId, campaign_id: request.campaignId };
  const campaign = await deps.db('campaigns').where(where).first('variants');
  if (!campaign) throw notFound('campaign', request.campaignId);
  type Row = Record<string, string | number | null>;
  const [assigned, redeemed, paid, refunded]: Row[][] = await Promise.all([
    deps.db('variant_assignments').where(where).groupBy('variant').select('variant').count({ n: '*' }),
    deps.db('redemptions').where({ ...where, status: 'confirmed' }).groupBy('variant').select('variant').count({ n: '*' }),
    deps.db('payments').where({ ...where, succeeded: true }).groupBy('variant', 'currency').select('variant', 'currency').sum({ amount: 'amount' }),
    deps
      .db('refunds as r')
      .join('payments as p', 'p.payment_id', 'r.payment_id')
      .where({ 'p.tenant_id': scope.tenantId, 'p.environment_id': scope.environmentId, 'p.campaign_id': request.campaignId, 'r.succeeded': true })
      .groupBy('p.variant', 'r.currency')
      .select('p.variant as variant', 'r.currency as currency')
      .sum({ amount: 'r.amount' }),
  ]);
  const variants = new Map<string, { assigned: number; redemptions: number; revenue: Amounts }>();
  const of = (key: string) => {
    let v = variants.get(key);
    if (!v) variants.set(key, (v = { assigned: 0, redemptions: 0, revenue: new Map() }));
    return v;
  };
  for (const key of (campaign.variants as string[]) ?? []) of(key);
  for (const row of assigned) of(String(row.variant)).assigned += Number(row.n);
  for (const row of redeemed) of(String(row.variant)).redemptions += Number(row.n);
  for (const row of paid) addTo(of(String(row.variant)).revenue, String(row.currency), String(row.amount ?? 0));
  for (const row of refunded) addTo(of(String(row.variant)).revenue, String(row.currency), `-${row.amount ?? 0}`);

  const total: Amounts = new Map();
  let redemptions = 0;
  for (const v of variants.values()) {
    redemptions += v.redemptions;
    for (const [currency, value] of v.revenue) addTo(total, currency, value);
  }
  const revenue = inReporting(reporting, total);
  return {
    header,
    campaignId: request.campaignId,
    redemptions,
    revenue: revenue.money,
    byVariant: [...variants]
      .filter(([key]) => key !== '')
      .map(([variant, v]) => ({
        variant,
        assigned: v.assigned,
        redemptions: v.redemptions,
        conversionRate: v.assigned > 0 ? v.redemptions / v.assigned : undefined,
        revenue: inReporting(reporting, v.revenue).money,
      })),
    unconverted: revenue.unconverted,
  };
}
