import { useState } from 'react';
import { toast } from 'sonner';
import type { Schema } from '../../../lib/api';
import { Button, DataTable, EmptyState, ErrorNotice, QueryState, StatusBadge, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useMakeDefaultCard } from '../api/mutations';
import { usePaymentMethods } from '../api/queries';
import { AddCardDialog } from './AddCardDialog';
import { cardName } from './card-form';

type PaymentMethod = Schema<'PaymentMethod'>;
const text = t.customers.cards;

/** The customer's cards: add one, choose the default that renewals charge. */
export function PaymentMethodsTab({ customer }: { customer: Schema<'Customer'> }) {
  const query = usePaymentMethods(customer.id);
  const canWrite = useCan('billing', 'write') && !customer.erased;
  const makeDefault = useMakeDefaultCard(customer.id);
  const [adding, setAdding] = useState(false);

  const columns: ColumnDef<PaymentMethod>[] = [
    { id: 'card', header: text.card, cell: ({ row }) => <span className="cus-card-name">{cardName(row.original)}</span> },
    { id: 'expires', header: text.expires, cell: ({ row }) => <span className="mono">{text.expiry(row.original.expMonth, row.original.expYear)}</span> },
    { id: 'default', header: text.default, cell: ({ row }) => (row.original.default ? <StatusBadge status="active" label={text.isDefault} /> : null) },
  ];
  if (canWrite) {
    columns.push({
      id: 'actions',
      header: () => <span className="sr-only">{t.common.actions}</span>,
      meta: { className: 'num cus-actions' },
      cell: ({ row: { original: pm } }) =>
        pm.default ? null : (
          <Button
            size="small"
            aria-label={text.makeDefaultLabel(cardName(pm))}
            busy={makeDefault.isPending && makeDefault.variables === pm.id}
            onClick={() => makeDefault.mutate(pm.id, { onSuccess: () => toast.success(text.madeDefault(cardName(pm))) })}
          >
            {text.makeDefault}
          </Button>
        ),
    });
  }

  return (
    <div className="stack">
      {canWrite ? (
        <div className="cus-tab-actions">
          <Button variant="primary" onClick={() => setAdding(true)}>
            {text.add}
          </Button>
        </div>
      ) : null}
      {makeDefault.isError ? <ErrorNotice error={makeDefault.error} /> : null}
      <QueryState query={query}>
        {(list) => (
          <>
            <DataTable
              caption={text.caption}
              columns={columns}
              rows={list.data}
              getRowId={(pm) => pm.id}
              empty={<EmptyState title={text.emptyTitle}>{canWrite ? text.emptyBody : customer.erased ? text.erasedNote : text.emptyReadOnly}</EmptyState>}
            />
            {canWrite ? <AddCardDialog customerId={customer.id} hasCards={list.data.length > 0} open={adding} onClose={() => setAdding(false)} /> : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
