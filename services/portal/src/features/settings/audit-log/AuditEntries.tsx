import type { Schema } from '../../../lib/api';
import { Button, DataTable, EmptyState, Pager, QueryState, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { useUserDirectory } from '../users/queries';
import { ActionCell, ActorCell, EnvironmentCell, ObjectCell } from './AuditCells';
import type { AuditLogQuery } from './filters';
import { useAuditLog } from './queries';

type Entry = Schema<'AuditEntry'>;
const copy = t.settings.audit;

/**
 * The entries of one set of filters, page by page (a new set of filters is a
 * new component, so it starts again at the first page).
 */
export function AuditEntries({
  query,
  filtered,
  onClear,
  filterBy,
}: {
  query: AuditLogQuery;
  filtered: boolean;
  onClear: () => void;
  filterBy: (action: string) => string;
}) {
  const pager = useCursorPager();
  const log = useAuditLog(query, pager.cursor);
  const me = useMe().data;
  const users = useUserDirectory().data;
  const environments = new Map((me?.environments ?? []).map((env) => [env.id, env]));
  const currentEnvironment = me?.environment?.id;

  const columns: ColumnDef<Entry>[] = [
    { header: copy.when, cell: ({ row }) => <Time value={row.original.at} /> },
    {
      header: copy.who,
      cell: ({ row }) => (
        <Labelled label={copy.who}>
          <ActorCell actor={row.original.actor} users={users} />
        </Labelled>
      ),
    },
    {
      header: copy.what,
      cell: ({ row }) => (
        <Labelled label={copy.what}>
          <ActionCell action={row.original.action} filterBy={filterBy} />
        </Labelled>
      ),
    },
    {
      header: copy.object,
      cell: ({ row }) => (
        <Labelled label={copy.object}>
          <ObjectCell entry={row.original} environments={environments} currentEnvironment={currentEnvironment} />
        </Labelled>
      ),
    },
    {
      header: copy.env,
      cell: ({ row }) => (
        <Labelled label={copy.env}>
          <EnvironmentCell environmentId={row.original.environmentId} environments={environments} />
        </Labelled>
      ),
    },
  ];

  const empty = filtered ? (
    <EmptyState title={copy.noMatchTitle} action={<Button onClick={onClear}>{copy.clear}</Button>}>
      {copy.noMatchBody}
    </EmptyState>
  ) : (
    <EmptyState title={copy.emptyTitle}>{copy.emptyBody}</EmptyState>
  );

  return (
    <QueryState query={log}>
      {(page) => (
        <StackedTable>
          <DataTable
            caption={copy.caption}
            columns={columns}
            rows={page.data}
            getRowId={(entry) => entry.id}
            empty={empty}
            footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} />}
          />
        </StackedTable>
      )}
    </QueryState>
  );
}
