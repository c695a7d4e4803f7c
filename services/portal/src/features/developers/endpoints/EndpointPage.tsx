import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Card, CopyButton, DescriptionList, PageHeader, QueryState, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useEndpoint } from '../api/queries';
import type { WebhookEndpoint } from '../api/types';
import { ReadOnlyNote } from '../components/Access';
import { EnabledEvents, EndpointStatus } from '../components/EndpointSummary';
import { DeliveriesCard } from './DeliveriesCard';
import { EndpointActions } from './EndpointActions';

const copy = t.developers.page;
/** After a test or a retry, how long the deliveries are asked again every few seconds. */
const LIVE_FOR_MS = 30_000;

/** /developers/webhooks/:id — an endpoint: what it listens to, its actions, and its deliveries. */
export function EndpointPage() {
  const { id = '' } = useParams();
  const endpoint = useEndpoint(id);
  return <QueryState query={endpoint}>{(data) => <EndpointView key={data.id} endpoint={data} />}</QueryState>;
}

function EndpointView({ endpoint }: { endpoint: WebhookEndpoint }) {
  const [liveUntil, setLiveUntil] = useState(0);
  const watch = () => setLiveUntil(Date.now() + LIVE_FOR_MS);
  const disabled = endpoint.status === 'disabled';
  return (
    <>
      <PageHeader
        title={endpoint.url}
        breadcrumb={
          <>
            <span>{t.developers.title}</span> / <Link to="/developers/webhooks">{copy.breadcrumb}</Link>
          </>
        }
        description={endpoint.description ?? undefined}
        actions={<EndpointActions endpoint={endpoint} onSent={watch} />}
      />
      <div className="stack">
        <ReadOnlyNote />
        {disabled ? (
          <div className="notice notice-warn" role="status">
            <p className="notice-title">{copy.disabledNotice}</p>
            {endpoint.disabledReason ? <p>{copy.disabledReason(endpoint.disabledReason)}</p> : null}
          </div>
        ) : null}
        <Card title={copy.details}>
          <DescriptionList
            items={[
              [t.developers.endpoints.status, <EndpointStatus key="status" endpoint={endpoint} />],
              [
                copy.id,
                <span key="id" className="row wh-id">
                  <code>{endpoint.id}</code>
                  <CopyButton text={endpoint.id} label={copy.copyId} />
                </span>,
              ],
              [t.developers.endpoints.created, <Time key="created" value={endpoint.createdAt} />],
              [t.developers.endpoints.description, endpoint.description || <span className="muted">{copy.noDescription}</span>],
              [t.developers.endpoints.events, <EnabledEvents key="events" enabledEvents={endpoint.enabledEvents} />],
            ]}
          />
        </Card>
        <DeliveriesCard endpoint={endpoint} liveUntil={liveUntil} onRetried={watch} />
      </div>
    </>
  );
}
