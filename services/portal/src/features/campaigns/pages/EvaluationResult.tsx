import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { t } from '../../../lib/i18n';
import { OfferSummary } from '../components/OfferSummary';

const e = t.campaigns.evaluate;

/** What an evaluation answered: each offer that would apply and its variant, then why others would not. */
export function EvaluationResult({ result, campaignId }: { result: Schema<'CampaignEvaluation'>; campaignId: string }) {
  const name = (id: string | null) =>
    id === campaignId ? <strong>{e.thisCampaign}</strong> : id ? <Link to={`/campaigns/${id}`}>{e.otherCampaign(id)}</Link> : null;
  return (
    <section className="cmp-evaluation" aria-live="polite" aria-labelledby="evaluation-title">
      <h3 id="evaluation-title">{e.resultTitle}</h3>
      {result.data.length === 0 ? (
        <p className="muted">{e.noOffer}</p>
      ) : (
        <ul className="cmp-evaluation-list">
          {result.data.map((applied) => (
            <li key={`${applied.campaignId}-${applied.offer.type}`} className="cmp-evaluation-offer">
              <span className="cmp-evaluation-campaign">{name(applied.campaignId)}</span>
              <span className="cmp-evaluation-what">
                <OfferSummary offer={applied.offer} />
                {applied.variant ? <span className="badge badge-info cmp-variant-badge">{e.variant(applied.variant)}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {result.rejected.length > 0 ? (
        <>
          <h3>{e.rejectedTitle}</h3>
          <ul className="cmp-evaluation-list">
            {result.rejected.map((r, i) => (
              <li key={`${r.campaignId ?? r.code}-${i}`} className="cmp-evaluation-rejected">
                <span className="badge badge-neutral">{e.reasons[r.reason]}</span>
                <span>
                  {r.code ? <code>{r.code}</code> : null} {r.message}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
