import { Link, useSearchParams } from 'react-router';
import { Allowed, DataTable, EmptyState, PageHeader, Pager, QueryState, StatusBadge, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCan } from '../../../lib/session';
import { useBundles, type Bundle, type BundleStatus } from '../api/queries';
import { StatusFilter } from '../components/StatusFilter';
import '../catalog.css';

const text = t.catalog.bundles;
const STATUSES: readonly BundleStatus[] = ['draft', 'active', 'archived'];

const columns: ColumnDef<Bundle>[] = [
  {
    header: t.common.name,
    cell: ({ row }) => (
      <div className="cat-cell-title">
        <Link to={`/catalog/bundles/${row.original.id}`}>{row.original.name}</Link>
        {row.original.description ? <span className="muted cat-cell-sub">{row.original.description}</span> : null}
      </div>
    ),
  },
  { header: t.common.status, cell: ({ row }) => <StatusBadge status={row.original.status} label={t.catalog.status[row.original.status]} /> },
  {
    header: text.entitlements,
    meta: { className: 'cat-hide-phone' },
    cell: ({ row }) =>
      row.original.entitlements.length === 0 ? (
        <span className="muted">{t.common.none}</span>
      ) : (
        <span className="cat-key-list">{row.original.entitlements.map((e) => e.key).join(', ')}</span>
      ),
  },
  { header: text.updated, meta: { className: 'cat-hide-phone cat-nowrap' }, cell: ({ row }) => <Time value={row.original.updatedAt ?? row.original.createdAt} /> },
];

const CreateButton = () => (
  <Allowed area="catalog" level="write">
    <Link className="btn btn-primary" to="/catalog/bundles/new">
      {text.create}
    </Link>
  </Allowed>
);

/** /catalog: the environment's bundles, filtered by status (kept in the address, so it can be shared). */
export function BundlesPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.find((s) => s === raw);
  const pager = useCursorPager();
  const bundles = useBundles({ status, cursor: pager.cursor });
  const canWrite = useCan('catalog', 'write');

  const filter = (next: BundleStatus | undefined) => {
    pager.reset();
    setParams(next ? { status: next } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader title={text.title} description={text.description} actions={<CreateButton />} />
      <div className="cat-page-toolbar">
        <StatusFilter
          label={text.filterLabel}
          value={status}
          onChange={filter}
          options={[{ value: undefined, label: text.all }, ...STATUSES.map((s) => ({ value: s, label: t.catalog.status[s] }))]}
        />
      </div>
      <QueryState query={bundles}>
        {(page) => (
          <DataTable
            caption={text.caption}
            columns={columns}
            rows={page.data}
            getRowId={(b) => b.id}
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} />}
            empty={
              status ? (
                <EmptyState title={text.emptyFiltered(t.catalog.status[status])} action={<button type="button" className="btn btn-secondary" onClick={() => filter(undefined)}>{text.showAll}</button>}>
                  {text.emptyFilteredHint}
                </EmptyState>
              ) : (
                <EmptyState title={text.empty} action={<CreateButton />}>
                  {canWrite ? text.emptyHint : text.emptyReadOnly}
                </EmptyState>
              )
            }
          />
        )}
      </QueryState>
    </>
  );
}
