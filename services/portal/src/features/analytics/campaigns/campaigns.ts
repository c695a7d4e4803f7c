import type { Schema } from '../../../lib/api';
import { csvAmount, type CsvColumn } from '../../../lib/csv';
import { t } from '../../../lib/i18n';

export type Campaign = Schema<'Campaign'>;
export type CampaignReport = Schema<'CampaignReport'>;
export type VariantRow = CampaignReport['byVariant'][number];
export type CampaignStatus = Campaign['status'];

export const STATUSES: readonly CampaignStatus[] = ['draft', 'active', 'paused', 'ended'];

/** A campaign of the list with its figures (null when its report could not be read). */
export interface CampaignRow {
  campaign: Campaign;
  report: CampaignReport | null;
}

const text = t.analytics.campaigns;

const money = (m: { amount: number; currency: string | null } | undefined) => (m ? csvAmount(m.amount, m.currency ?? '') : '');

export const campaignCsvColumns: CsvColumn<CampaignRow>[] = [
  { header: text.campaign, value: (r) => r.campaign.name },
  { header: t.common.id, value: (r) => r.campaign.id },
  { header: text.status, value: (r) => r.campaign.status },
  { header: text.redemptions, value: (r) => r.report?.redemptions ?? null },
  { header: text.revenue, value: (r) => money(r.report?.revenue) },
  { header: t.analytics.csv.currency, value: (r) => r.report?.revenue.currency ?? '' },
];

export const variantCsvColumns: CsvColumn<VariantRow>[] = [
  { header: text.variant, value: (v) => v.variant },
  { header: text.assigned, value: (v) => v.assigned },
  { header: text.redemptions, value: (v) => v.redemptions },
  { header: text.conversion, value: (v) => v.conversionRate },
  { header: text.revenue, value: (v) => money(v.revenue) },
  { header: t.analytics.csv.currency, value: (v) => v.revenue.currency ?? '' },
];
