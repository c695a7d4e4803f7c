import { useState } from 'react';
import { Allowed, Button, DataTable, EmptyState, PageHeader, QueryState, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { EnvironmentKindBadge } from '../shared/EnvironmentKindBadge';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { CreateEnvironmentDialog } from './CreateEnvironmentDialog';
import { useEnvironments, type Environment } from './queries';

const copy = t.settings.environments;

/** /settings/environments: the tenant's environments and "Create environment". */
export function EnvironmentsPage() {
  const environments = useEnvironments();
  const current = useMe().data?.environment?.id;
  const [creating, setCreating] = useState(false);
  const columns: ColumnDef<Environment>[] = [
    {
      header: copy.name,
      cell: ({ row }) => (
        <span className="settings-strong">
          {row.original.name}
          {row.original.id === current ? <span className="badge badge-good settings-inline-badge">{copy.current}</span> : null}
        </span>
      ),
    },
    { header: copy.kind, cell: ({ row }) => <Labelled label={copy.kind}><EnvironmentKindBadge kind={row.original.kind} /></Labelled> },
    { header: copy.id, cell: ({ row }) => <Labelled label={copy.id}><code>{row.original.id}</code></Labelled> },
  ];
  const create = (
    <Allowed area="administration">
      <Button variant="primary" onClick={() => setCreating(true)}>
        {copy.create}
      </Button>
    </Allowed>
  );
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} actions={create} />
      <QueryState query={environments}>
        {(data) => (
          <StackedTable>
            <DataTable
              caption={copy.caption}
              columns={columns}
              rows={data.data}
              getRowId={(env) => env.id}
              empty={<EmptyState title={copy.emptyTitle} action={create}>{copy.emptyBody}</EmptyState>}
            />
          </StackedTable>
        )}
      </QueryState>
      <CreateEnvironmentDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
