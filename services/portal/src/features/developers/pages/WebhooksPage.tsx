import { useSearchParams } from 'react-router';
import { PageHeader, Tabs } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { ReadOnlyNote } from '../components/Access';
import { EndpointsTab } from '../endpoints/EndpointsTab';
import { EventsTab } from '../events/EventsTab';

const copy = t.developers.webhooks;
const TABS = ['endpoints', 'events'] as const;

/** /developers/webhooks — two tabs: the endpoints, and the environment's events (the tab kept in the URL). */
export function WebhooksPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((name) => name === params.get('tab')) ?? 'endpoints';
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} breadcrumb={<span>{t.developers.title}</span>} />
      <div className="stack">
        <ReadOnlyNote />
        <Tabs
          label={copy.tabs}
          selected={tab}
          onSelect={(next) => setParams(next === 'endpoints' ? {} : { tab: next }, { replace: true })}
          items={[
            { id: 'endpoints', label: copy.endpointsTab, content: <EndpointsTab /> },
            { id: 'events', label: copy.eventsTab, content: <EventsTab /> },
          ]}
        />
      </div>
    </>
  );
}
