import { useState } from 'react';
import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Button, DataTable, EmptyState, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useSupportRequests } from '../api/queries';
import { OpenSupportRequestDialog } from './OpenSupportRequestDialog';

type SupportRequest = Schema<'SupportRequest'>;
const text = t.customers.support;

const columns: ColumnDef<SupportRequest>[] = [
  {
    id: 'subject',
    header: text.subject,
    cell: ({ row: { original: r } }) => (
      <Link to={`/support-requests/${r.id}`} className="cus-cell-title">
        {r.subject ?? text.erasedSubject}
      </Link>
    ),
  },
  { id: 'status', header: text.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={text.statuses[row.original.status]} /> },
  { id: 'priority', header: text.priority, cell: ({ row }) => <StatusBadge status={row.original.priority} label={text.priorities[row.original.priority]} /> },
  { id: 'messages', header: text.messages, meta: { className: 'num' }, cell: ({ row }) => row.original.messages.length },
  { id: 'updated', header: text.updated, meta: { className: 'cus-nowrap' }, cell: ({ row }) => <Time value={row.original.updatedAt} /> },
];

export function SupportRequestsTab({ customer }: { customer: Schema<'Customer'> }) {
  const pager = useCursorPager();
  const query = useSupportRequests(customer.id, pager.cursor);
  const canWrite = useCan('customers', 'write') && !customer.erased;
  const [opening, setOpening] = useState(false);
  return (
    <div className="stack">
      {canWrite ? (
        <div className="cus-tab-actions">
          <Button variant="primary" onClick={() => setOpening(true)}>
            {text.open}
          </Button>
        </div>
      ) : null}
      <QueryState query={query}>
        {(page) => (
          <DataTable
            caption={text.caption}
            columns={columns}
            rows={page.data}
            getRowId={(r) => r.id}
            empty={<EmptyState title={text.emptyTitle}>{canWrite ? text.emptyBody : text.emptyReadOnly}</EmptyState>}
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
          />
        )}
      </QueryState>
      {canWrite ? <OpenSupportRequestDialog customerId={customer.id} open={opening} onClose={() => setOpening(false)} /> : null}
    </div>
  );
}
