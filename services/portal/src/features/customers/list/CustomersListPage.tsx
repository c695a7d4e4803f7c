import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Schema } from '../../../lib/api';
import { Allowed, DataTable, EmptyState, Pager, PageHeader, QueryState, Time, useCursorPager, usePageSize, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useCustomerList } from '../api/queries';
import { customerSearch } from './search';
import '../customers.css';

type Customer = Schema<'Customer'>;
const text = t.customers.list;

const columns: ColumnDef<Customer>[] = [
  {
    id: 'customer',
    header: text.customer,
    cell: ({ row: { original: c } }) => (
      <Link to={`/customers/${c.id}`} className="cus-cell-title">
        {c.name ?? c.email ?? c.id}
      </Link>
    ),
  },
  { id: 'email', header: text.email, cell: ({ row }) => row.original.email ?? <span className="muted">—</span> },
  { id: 'country', header: text.country, cell: ({ row }) => row.original.country ?? <span className="muted">—</span> },
  { id: 'created', header: text.created, meta: { className: 'cus-nowrap' }, cell: ({ row }) => <Time value={row.original.createdAt} /> },
];

/** /customers: everyone, newest first, with the search the API offers (exact email, or a prefix). */
export function CustomersListPage() {
  const [params, setParams] = useSearchParams();
  const applied = params.get('search') ?? '';
  const [draft, setDraft] = useState(applied);
  const pager = useCursorPager();
  const pageSize = usePageSize();
  const { reset } = pager;

  const apply = (value: string) => {
    if (value.trim() === applied.trim()) return;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value.trim()) next.set('search', value);
        else next.delete('search');
        return next;
      },
      { replace: true },
    );
    reset();
  };
  // Searching as one types, a moment after the last key.
  useEffect(() => {
    const timer = setTimeout(() => apply(draft), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  const query = useCustomerList({ ...customerSearch(applied), cursor: pager.cursor, limit: pageSize[0] });
  const searching = applied.trim() !== '';

  return (
    <>
      <PageHeader
        title={t.customers.title}
        description={t.customers.description}
        actions={
          <Allowed area="customers">
            <Link to="/customers/new" className="btn btn-primary">
              {t.customers.create}
            </Link>
          </Allowed>
        }
      />
      <div className="stack">
        <form
          role="search"
          className="cus-toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            apply(draft);
          }}
        >
          <div className="field cus-search">
            <label htmlFor="customer-search">{text.search}</label>
            <input
              id="customer-search"
              type="search"
              value={draft}
              placeholder={text.placeholder}
              autoComplete="off"
              aria-describedby="customer-search-hint"
              onChange={(e) => setDraft(e.target.value)}
            />
            <p id="customer-search-hint" className="field-hint">
              {text.searchHint}
            </p>
          </div>
        </form>
        <QueryState query={query}>
          {(page) => (
            <DataTable
              caption={text.caption}
              columns={columns}
              rows={page.data}
              getRowId={(c) => c.id}
              empty={
                searching ? (
                  <EmptyState
                    title={text.noMatchTitle(applied.trim())}
                    action={
                      <button type="button" className="btn btn-secondary" onClick={() => setDraft('')}>
                        {text.clear}
                      </button>
                    }
                  >
                    {text.noMatchBody}
                  </EmptyState>
                ) : (
                  <EmptyState
                    title={text.emptyTitle}
                    action={
                      <Allowed area="customers">
                        <Link to="/customers/new" className="btn btn-primary">
                          {t.customers.create}
                        </Link>
                      </Allowed>
                    }
                  >
                    {text.emptyBody}
                  </EmptyState>
                )
              }
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={text.pager} pageSize={pageSize} />}
            />
          )}
        </QueryState>
      </div>
    </>
  );
}
