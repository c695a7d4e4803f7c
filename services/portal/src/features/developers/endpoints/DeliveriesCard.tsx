import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { toast } from 'sonner';
import { Button, Card, DataTable, EmptyState, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useRetryDelivery } from '../api/mutations';
import { useDeliveries } from '../api/queries';
import { DELIVERY_STATUSES, type DeliveryStatus, type WebhookDelivery, type WebhookEndpoint } from '../api/types';
import { EventJsonDialog } from '../components/EventJsonDialog';
import { AttemptList } from './AttemptList';

const copy = t.developers.deliveries;

const statusOf = (text: string | null): DeliveryStatus | undefined => DELIVERY_STATUSES.find((status) => status === text);

/** The endpoint's deliveries, filtered by status (kept in the URL), page by page. */
export function DeliveriesCard({ endpoint, liveUntil, onRetried }: { endpoint: WebhookEndpoint; liveUntil: number; onRetried: () => void }) {
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get('status'));
  const filterId = useId();
  const setStatus = (next: string) => setParams(next ? { status: next } : {}, { replace: true });
  const filter = (
    <div className="wh-filter">
      <label htmlFor={filterId}>{copy.filter}</label>
      <select id={filterId} value={status ?? ''} onChange={(e) => setStatus(e.target.value)}>
        <option value="">{copy.any}</option>
        {DELIVERY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {copy.status[s]}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Card title={copy.title} actions={filter}>
      {/* Keyed by the filter: another status starts again at its first page. */}
      <Deliveries key={status ?? 'all'} endpoint={endpoint} status={status} liveUntil={liveUntil} onRetried={onRetried} onShowAll={() => setStatus('')} />
    </Card>
  );
}

function Deliveries({
  endpoint,
  status,
  liveUntil,
  onRetried,
  onShowAll,
}: {
  endpoint: WebhookEndpoint;
  status: DeliveryStatus | undefined;
  liveUntil: number;
  onRetried: () => void;
  onShowAll: () => void;
}) {
  const pager = useCursorPager();
  const deliveries = useDeliveries(endpoint.id, status, pager.cursor, liveUntil);
  const canWrite = useCan('webhooks', 'write');
  const retry = useRetryDelivery(endpoint.id);
  const [viewing, setViewing] = useState<string>();

  const onRetry = (delivery: WebhookDelivery) =>
    retry.mutate(delivery.id, {
      onSuccess: () => {
        toast.success(copy.retried);
        onRetried();
      },
      onError: (error) => toast.error(error.message),
    });

  const columns: ColumnDef<WebhookDelivery>[] = [
    {
      header: copy.event,
      cell: ({ row }) => (
        <span className="wh-event-cell">
          <code className="wh-type">{row.original.eventType}</code>
          <button type="button" className="wh-link-button mono" aria-label={copy.viewEvent(row.original.eventId)} onClick={() => setViewing(row.original.eventId)}>
            {row.original.eventId}
          </button>
        </span>
      ),
    },
    {
      header: t.common.status,
      cell: ({ row }) => (
        <Labelled label={t.common.status}>
          <StatusBadge status={row.original.status} label={copy.status[row.original.status]} />
        </Labelled>
      ),
    },
    {
      header: copy.attempts,
      meta: { className: 'wh-attempts-cell' },
      cell: ({ row }) => (
        <Labelled label={copy.attempts}>
          <AttemptList eventId={row.original.eventId} attempts={row.original.attempts} />
        </Labelled>
      ),
    },
    {
      header: copy.nextAttempt,
      meta: { className: 'wh-nowrap' },
      cell: ({ row }) => (
        <Labelled label={copy.nextAttempt}>
          {row.original.nextAttemptAt ? (
            <Time value={row.original.nextAttemptAt} />
          ) : (
            <span className="muted">{row.original.status === 'failed' ? copy.noMoreAttempts : copy.none}</span>
          )}
        </Labelled>
      ),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: () => <span className="sr-only">{t.common.actions}</span>,
            meta: { className: 'wh-actions-cell' },
            cell: ({ row }) => (
              <Button
                size="small"
                aria-label={copy.retryDelivery(row.original.eventId)}
                busy={retry.isPending && retry.variables === row.original.id}
                onClick={() => onRetry(row.original)}
              >
                {copy.retry}
              </Button>
            ),
          } satisfies ColumnDef<WebhookDelivery>,
        ]
      : []),
  ];

  const empty = status ? (
    <EmptyState title={copy.noMatchTitle} action={<Button onClick={onShowAll}>{copy.showAll}</Button>}>
      {copy.noMatchBody}
    </EmptyState>
  ) : (
    <EmptyState title={copy.emptyTitle}>{canWrite ? copy.emptyBody : copy.emptyReadOnly}</EmptyState>
  );

  return (
    <>
      <QueryState query={deliveries}>
        {(page) => (
          <StackedTable>
            <DataTable
              caption={copy.caption}
              columns={columns}
              rows={page.data}
              getRowId={(delivery) => delivery.id}
              empty={empty}
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} />}
            />
          </StackedTable>
        )}
      </QueryState>
      <EventJsonDialog eventId={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}
