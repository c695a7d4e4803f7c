import { StatusBadge } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import type { WebhookEndpoint } from '../api/types';
import { listensToAll } from '../model/event-types';

const copy = t.developers;
/** How many types the endpoints list names before "+N". */
const SHOWN = 3;

/** What an endpoint listens to: "All events", or its types (the first few and how many more, when `compact`). */
export function EnabledEvents({ enabledEvents, compact }: { enabledEvents: readonly string[]; compact?: boolean }) {
  if (listensToAll(enabledEvents)) return <span>{copy.events.all}</span>;
  const shown = compact ? enabledEvents.slice(0, SHOWN) : enabledEvents;
  const more = enabledEvents.length - shown.length;
  return (
    <span className="wh-types" title={compact && more > 0 ? enabledEvents.join(', ') : undefined}>
      {compact ? <span className="sr-only">{copy.events.count(enabledEvents.length)}: </span> : null}
      {shown.map((type) => (
        <code key={type} className="wh-type">
          {type}
        </code>
      ))}
      {more > 0 ? <span className="muted">+{more}</span> : null}
    </span>
  );
}

/** Enabled or disabled, with the reason when it is disabled (the 5-day failure rule says why). */
export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const reason = endpoint.status === 'disabled' ? endpoint.disabledReason : undefined;
  return (
    <span className="wh-status">
      <StatusBadge status={endpoint.status} label={copy.status[endpoint.status] ?? endpoint.status} />
      {reason ? <span className="wh-status-reason">{reason}</span> : null}
    </span>
  );
}
