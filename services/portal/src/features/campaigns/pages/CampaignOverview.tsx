import { Card, DescriptionList, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { Campaign } from '../api/campaigns';
import { useBundleOptions, useStorefrontOptions } from '../api/options';
import { OfferSummary } from '../components/OfferSummary';
import { ScrollTable } from '../components/ScrollTable';
import { VariantsTable } from '../components/VariantsTable';
import { TargetingSummary } from '../targeting/TargetingSummary';

const d = t.campaigns.detail;

function CodesTable({ codes }: { codes: Campaign['codes'] }) {
  return (
    <ScrollTable label={d.codesCaption}>
      <table className="table">
        <caption className="sr-only">{d.codesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.code}</th>
            <th scope="col" className="num">
              {d.codeRedemptions}
            </th>
            <th scope="col" className="num">
              {d.codeLimit}
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.code}>
              <td>
                <code>{c.code}</code>
              </td>
              <td className="num">{c.redemptions}</td>
              <td className="num">{c.maxRedemptions ?? <span className="muted">{d.unlimited}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** What a campaign is: its offer, schedule, limits, targeting, codes and variants, read-only. */
export function CampaignOverview({ campaign }: { campaign: Campaign }) {
  const storefronts = useStorefrontOptions().data;
  const bundles = useBundleOptions().data;
  const when = (value: string | null) => (value ? <Time value={value} /> : <span className="muted">{d.notScheduled}</span>);
  return (
    <div className="stack">
      <Card title={d.overview}>
        <DescriptionList
          items={[
            [d.offer, <OfferSummary offer={campaign.offer} />],
            [d.startsAt, when(campaign.startsAt)],
            [d.endsAt, when(campaign.endsAt)],
            [d.redemptions, d.redemptionsOf(campaign.redemptions, campaign.maxRedemptions)],
            [d.created, <Time value={campaign.createdAt} />],
            [d.updated, <Time value={campaign.updatedAt} />],
          ]}
        />
      </Card>
      <Card title={d.targeting}>
        <TargetingSummary targeting={campaign.targeting} options={{ storefronts: storefronts ?? [], bundles: bundles ?? [] }} />
      </Card>
      <Card title={d.codes}>{campaign.codes.length > 0 ? <CodesTable codes={campaign.codes} /> : <p className="muted">{d.codesEmpty}</p>}</Card>
      <Card title={d.variants}>
        {campaign.variants.length > 0 ? <VariantsTable variants={campaign.variants} /> : <p className="muted">{d.variantsEmpty}</p>}
      </Card>
    </div>
  );
}
