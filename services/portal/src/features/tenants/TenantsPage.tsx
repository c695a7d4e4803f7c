import { useState } from 'react';
import { Link } from 'react-router';
import { Button, DataTable, EmptyState, PageHeader, Pager, QueryState, Time, useCursorPager, type ColumnDef } from '../../lib/components';
import { t } from '../../lib/i18n';
import { useScope } from '../../lib/scope';
import { Labelled, StackedTable } from '../../lib/components/StackedTable';
import { ActInTenantButton } from './ActInTenantButton';
import { CreateTenantDialog } from './CreateTenantDialog';
import { useTenants, type Tenant } from './queries';
import './tenants.css';

const copy = t.tenants;

/** /tenants: every tenant of the platform, "Create tenant", and acting in one. */
export function TenantsPage() {
  const pager = useCursorPager();
  const tenants = useTenants(pager.cursor);
  const actingIn = useScope().tenantId;
  const [creating, setCreating] = useState(false);

  const columns: ColumnDef<Tenant>[] = [
    {
      header: copy.name,
      cell: ({ row }) => (
        <div className="tenants-name">
          <Link to={`/tenants/${row.original.id}`}>{row.original.name}</Link>
          <code className="muted">{row.original.slug}</code>
        </div>
      ),
    },
    { header: copy.reportingCurrency, cell: ({ row }) => <Labelled label={copy.reportingCurrency}><code>{row.original.reportingCurrency}</code></Labelled> },
    { header: copy.environments, cell: ({ row }) => <Labelled label={copy.environments}>{row.original.environments.map((env) => env.name).join(', ')}</Labelled> },
    { header: copy.created, cell: ({ row }) => <Labelled label={copy.created}><Time value={row.original.createdAt} dateOnly /></Labelled> },
    {
      id: 'actions',
      header: () => <span className="sr-only">{copy.actions}</span>,
      cell: ({ row }) =>
        row.original.id === actingIn ? (
          <span className="badge badge-info">{copy.acting}</span>
        ) : (
          <ActInTenantButton id={row.original.id} name={row.original.name} compact />
        ),
      meta: { className: 'tenants-actions-cell' },
    },
  ];
  const create = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      {copy.create}
    </Button>
  );
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} actions={create} />
      <QueryState query={tenants}>
        {(page) => (
          <StackedTable>
            <DataTable
              caption={copy.caption}
              columns={columns}
              rows={page.data}
              getRowId={(tenant) => tenant.id}
              empty={<EmptyState title={copy.emptyTitle} action={create}>{copy.emptyBody}</EmptyState>}
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} />}
            />
          </StackedTable>
        )}
      </QueryState>
      <CreateTenantDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
