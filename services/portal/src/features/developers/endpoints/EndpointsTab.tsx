import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, DataTable, EmptyState, Pager, QueryState, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useEndpoints } from '../api/queries';
import type { CreatedWebhookEndpoint, WebhookEndpoint } from '../api/types';
import { AddEndpointDialog } from '../components/EndpointFormDialog';
import { EnabledEvents, EndpointStatus } from '../components/EndpointSummary';
import { SecretDialog } from '../components/SecretDialog';

const copy = t.developers.endpoints;

const columns: ColumnDef<WebhookEndpoint>[] = [
  {
    header: copy.url,
    cell: ({ row }) => (
      <span className="wh-endpoint-cell">
        <Link to={`/developers/webhooks/${row.original.id}`} className="wh-url">
          {row.original.url}
        </Link>
        {row.original.description ? <span className="muted">{row.original.description}</span> : null}
      </span>
    ),
  },
  {
    header: copy.events,
    cell: ({ row }) => (
      <Labelled label={copy.events}>
        <EnabledEvents enabledEvents={row.original.enabledEvents} compact />
      </Labelled>
    ),
  },
  {
    header: copy.status,
    cell: ({ row }) => (
      <Labelled label={copy.status}>
        <EndpointStatus endpoint={row.original} />
      </Labelled>
    ),
  },
  {
    header: copy.created,
    meta: { className: 'wh-nowrap' },
    cell: ({ row }) => (
      <Labelled label={copy.created}>
        <Time value={row.original.createdAt} />
      </Labelled>
    ),
  },
];

/** The endpoints of the environment, "Add endpoint", and the new endpoint's secret shown once. */
export function EndpointsTab() {
  const pager = useCursorPager();
  const endpoints = useEndpoints(pager.cursor);
  const canWrite = useCan('webhooks', 'write');
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedWebhookEndpoint>();
  const add = canWrite ? (
    <Button variant="primary" onClick={() => setAdding(true)}>
      {copy.add}
    </Button>
  ) : null;
  return (
    <>
      <QueryState query={endpoints}>
        {(page) => (
          <div className="stack">
            {page.data.length > 0 && add ? <div className="wh-toolbar">{add}</div> : null}
            <StackedTable>
              <DataTable
                caption={copy.caption}
                columns={columns}
                rows={page.data}
                getRowId={(endpoint) => endpoint.id}
                footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} />}
                empty={
                  <EmptyState title={copy.emptyTitle} action={add}>
                    {canWrite ? copy.emptyBody : copy.emptyReadOnly}
                  </EmptyState>
                }
              />
            </StackedTable>
          </div>
        )}
      </QueryState>
      <AddEndpointDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(endpoint) => {
          setAdding(false);
          setCreated(endpoint);
        }}
      />
      <SecretDialog
        secret={created?.secret}
        onClose={() => {
          const id = created?.id;
          setCreated(undefined);
          // On to the new endpoint, where a test event checks that it answers.
          if (id) navigate(`/developers/webhooks/${id}`);
        }}
      />
    </>
  );
}
