import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, DataTable, EmptyState, Pager, QueryState, Time, useCursorPager, usePageSize, type ColumnDef } from '../../../lib/components';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { t } from '../../../lib/i18n';
import { useEvents } from '../api/queries';
import type { PublicEvent, WebhookEventType } from '../api/types';
import { EventJsonDialog } from '../components/EventJsonDialog';
import { resourceLabel } from '../components/EventTypePicker';
import { asEventType, EVENT_GROUPS, PING } from '../model/event-types';

const copy = t.developers.eventList;

/** The id of the event's object, when it has one (`cus_…` for a customer.created). */
const objectId = (event: PublicEvent) => {
  const id = (event.data.object as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};

/** The environment's events, newest first, of one type or all (the type kept in the URL), each one's JSON a click away. */
export function EventsTab() {
  const [params, setParams] = useSearchParams();
  const type = asEventType(params.get('type'));
  const filterId = useId();
  const setType = (next: string) =>
    setParams(
      (p) => {
        const search = new URLSearchParams(p);
        if (next) search.set('type', next);
        else search.delete('type');
        return search;
      },
      { replace: true },
    );
  return (
    <div className="stack">
      <p className="muted wh-intro">{copy.description}</p>
      <form className="wh-filter" role="search" aria-label={copy.filter} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={filterId}>{copy.type}</label>
        <select id={filterId} value={type ?? ''} onChange={(e) => setType(e.target.value)}>
          <option value="">{copy.anyType}</option>
          {EVENT_GROUPS.map((group) => (
            <optgroup key={group.resource} label={resourceLabel(group.resource)}>
              {group.types.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={PING}>{copy.test}</option>
        </select>
      </form>
      {/* Keyed by the type: another type starts again at its first page. */}
      <EventRows key={type ?? 'all'} type={type} onShowAll={() => setType('')} />
    </div>
  );
}

function EventRows({ type, onShowAll }: { type: WebhookEventType | undefined; onShowAll: () => void }) {
  const pager = useCursorPager();
  const pageSize = usePageSize();
  const events = useEvents(type, pager.cursor, pageSize[0]);
  const [viewing, setViewing] = useState<string>();

  const columns: ColumnDef<PublicEvent>[] = [
    { header: copy.type, cell: ({ row }) => <code className="wh-type">{row.original.type}</code> },
    {
      header: copy.id,
      cell: ({ row }) => (
        <Labelled label={copy.id}>
          <code>{row.original.id}</code>
        </Labelled>
      ),
    },
    {
      header: copy.object,
      cell: ({ row }) => <Labelled label={copy.object}>{objectId(row.original) ? <code>{objectId(row.original)}</code> : <span className="muted">{t.common.none}</span>}</Labelled>,
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
    {
      id: 'actions',
      header: () => <span className="sr-only">{t.common.actions}</span>,
      meta: { className: 'wh-actions-cell' },
      cell: ({ row }) => (
        <Button size="small" aria-label={copy.viewEvent(row.original.id)} onClick={() => setViewing(row.original.id)}>
          {copy.view}
        </Button>
      ),
    },
  ];

  const empty = type ? (
    <EmptyState title={copy.noMatchTitle} action={<Button onClick={onShowAll}>{copy.showAll}</Button>}>
      {copy.noMatchBody}
    </EmptyState>
  ) : (
    <EmptyState title={copy.emptyTitle}>{copy.emptyBody}</EmptyState>
  );

  return (
    <>
      <QueryState query={events}>
        {(page) => (
          <StackedTable>
            <DataTable
              caption={copy.caption}
              columns={columns}
              rows={page.data}
              getRowId={(event) => event.id}
              empty={empty}
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} pageSize={pageSize} />}
            />
          </StackedTable>
        )}
      </QueryState>
      <EventJsonDialog eventId={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}
