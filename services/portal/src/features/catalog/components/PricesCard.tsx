import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, DataTable, EmptyState, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useBundlePrices, type Bundle, type Price, type PriceStatus } from '../api/queries';
import { priceSummary } from '../model/format';
import { PriceDialog } from './PriceDialog';
import { StatusFilter } from './StatusFilter';

const text = t.catalog.prices;

const columns: ColumnDef<Price>[] = [
  {
    header: text.price,
    meta: { className: 'cat-nowrap' },
    cell: ({ row }) => <Link to={`/catalog/prices/${row.original.id}`}>{priceSummary(row.original)}</Link>,
  },
  { header: text.strategy, meta: { className: 'cat-hide-phone' }, cell: ({ row }) => t.catalog.strategies[row.original.strategy].label },
  { header: text.trial, meta: { className: 'cat-hide-phone cat-nowrap' }, cell: ({ row }) => (row.original.trialDays > 0 ? text.trialDays(row.original.trialDays) : t.common.none) },
  {
    header: text.restrictions,
    meta: { className: 'cat-hide-phone' },
    cell: ({ row }) => {
      const p = row.original;
      if (p.storefrontIds.length === 0 && p.countries.length === 0) return <span className="muted">{text.everywhere}</span>;
      return [p.storefrontIds.length ? text.storefrontCount(p.storefrontIds.length) : null, p.countries.length ? p.countries.join(', ') : null].filter(Boolean).join(' · ');
    },
  },
  { header: t.common.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={t.catalog.status[row.original.status]} /> },
  { header: t.common.created, meta: { className: 'cat-hide-phone cat-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

/** A bundle's prices (filtered by status, paged), and "Add price" for who may write. */
export function PricesCard({ bundle }: { bundle: Bundle }) {
  const canWrite = useCan('catalog', 'write');
  const [status, setStatus] = useState<PriceStatus | undefined>();
  const [adding, setAdding] = useState(false);
  const pager = useCursorPager();
  const prices = useBundlePrices(bundle.id, { status, cursor: pager.cursor });
  const canAdd = canWrite && bundle.status !== 'archived';

  const filter = (next: PriceStatus | undefined) => {
    setStatus(next);
    pager.reset();
  };
  const add = canAdd ? (
    <Button variant="primary" size="small" onClick={() => setAdding(true)}>
      {text.add}
    </Button>
  ) : null;

  return (
    <Card title={text.title} actions={add}>
      <div className="cat-card-toolbar">
        <StatusFilter
          label={text.filterLabel}
          value={status}
          onChange={filter}
          options={[
            { value: undefined, label: text.all },
            { value: 'active', label: t.catalog.status.active },
            { value: 'archived', label: t.catalog.status.archived },
          ]}
        />
      </div>
      <QueryState query={prices}>
        {(page) => (
          <DataTable
            caption={text.caption(bundle.name)}
            columns={columns}
            rows={page.data}
            getRowId={(p) => p.id}
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
            empty={
              <EmptyState title={status ? text.emptyFiltered(t.catalog.status[status]) : text.empty} action={status ? undefined : add}>
                {status ? text.emptyFilteredHint : canAdd ? text.emptyHint : bundle.status === 'archived' ? text.emptyArchived : text.emptyReadOnly}
              </EmptyState>
            }
          />
        )}
      </QueryState>
      <PriceDialog
        open={adding}
        onClose={() => setAdding(false)}
        bundleId={bundle.id}
        // Stay on the bundle: a second price (another currency, a yearly one) is often next.
        onCreated={() => setAdding(false)}
      />
    </Card>
  );
}
