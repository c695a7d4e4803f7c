import { Link } from 'react-router';
import { Allowed, DataTable, EmptyState, PageHeader, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useStorefronts } from '../api/queries';
import { DEFAULT_PRIMARY, type Storefront } from '../model/storefront-form';
import '../storefronts.css';

const text = t.storefronts.list;

const columns: ColumnDef<Storefront>[] = [
  {
    header: t.common.name,
    cell: ({ row }) => (
      <span className="sf-cell-name">
        <span className="sf-swatch" style={{ background: row.original.branding.primaryColor ?? DEFAULT_PRIMARY }} aria-hidden="true" />
        <span className="sf-cell-title">
          <Link to={`/storefronts/${row.original.id}`}>{row.original.name}</Link>
          <code className="sf-cell-slug">{row.original.slug}</code>
        </span>
      </span>
    ),
  },
  { header: t.common.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={t.storefronts.status[row.original.status]} /> },
  { header: text.currencies, meta: { className: 'sf-nowrap' }, cell: ({ row }) => text.currencyList(row.original.regional.defaultCurrency, row.original.regional.currencies) },
  {
    header: text.countries,
    meta: { className: 'sf-hide-phone' },
    cell: ({ row }) => <span className="sf-codes">{row.original.regional.countries.join(', ')}</span>,
  },
  { header: t.common.created, meta: { className: 'sf-hide-phone sf-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

const CreateButton = () => (
  <Allowed area="storefronts" level="write">
    <Link className="btn btn-primary" to="/storefronts/new">
      {text.create}
    </Link>
  </Allowed>
);

/** /storefronts — the environment's storefronts, active and archived. */
export function StorefrontsPage() {
  const pager = useCursorPager();
  const storefronts = useStorefronts(pager.cursor);
  const canWrite = useCan('storefronts', 'write');
  return (
    <>
      <PageHeader title={text.title} description={text.description} actions={<CreateButton />} />
      <QueryState query={storefronts}>
        {(page) => (
          <DataTable
            caption={text.caption}
            columns={columns}
            rows={page.data}
            getRowId={(s) => s.id}
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
            empty={
              <EmptyState title={text.empty} action={<CreateButton />}>
                {canWrite ? text.emptyHint : text.emptyReadOnly}
              </EmptyState>
            }
          />
        )}
      </QueryState>
    </>
  );
}
