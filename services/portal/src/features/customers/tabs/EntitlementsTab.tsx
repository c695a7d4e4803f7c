import { Link } from 'react-router';
import type { Schema } from '../../../lib/api';
import { DataTable, EmptyState, QueryState, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useEntitlements } from '../api/queries';

type Entitlement = Schema<'CustomerEntitlements'>['data'][number];
const text = t.customers.entitlements;

const valueText = (v: Entitlement['value']) => (typeof v === 'boolean' ? (v ? text.yes : text.no) : String(v));

const columns: ColumnDef<Entitlement>[] = [
  { id: 'key', header: text.key, cell: ({ row }) => <code>{row.original.key}</code> },
  { id: 'value', header: text.value, cell: ({ row }) => valueText(row.original.value) },
  { id: 'bundle', header: text.bundle, cell: ({ row }) => <Link to={`/catalog/bundles/${row.original.bundleId}`} className="mono">{row.original.bundleId}</Link> },
  {
    id: 'subscription',
    header: text.subscription,
    cell: ({ row }) => <Link to={`/subscriptions/${row.original.subscriptionId}`} className="mono">{row.original.subscriptionId}</Link>,
  },
];

/** What the customer may use now (from their trialing, active and past-due subscriptions); the API gives it whole. */
export function EntitlementsTab({ customerId }: { customerId: string }) {
  const query = useEntitlements(customerId);
  return (
    <QueryState query={query}>
      {(result) => (
        <DataTable
          caption={text.caption}
          columns={columns}
          rows={result.data}
          getRowId={(e) => `${e.subscriptionId}:${e.key}`}
          empty={<EmptyState title={text.emptyTitle}>{text.emptyBody}</EmptyState>}
        />
      )}
    </QueryState>
  );
}
