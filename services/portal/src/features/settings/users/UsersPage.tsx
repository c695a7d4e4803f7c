import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Allowed, Button, DataTable, EmptyState, PageHeader, Pager, QueryState, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { AddUserDialog } from './AddUserDialog';
import { RoleSelect } from './RoleSelect';
import { UserStatusAction } from './UserStatusAction';
import { useUsers, type User } from './queries';

const copy = t.settings.users;

/** /settings/users: who signs in to the tenant, with their role (changed in place) and status (disable/enable). */
export function UsersPage() {
  const pager = useCursorPager();
  const users = useUsers(pager.cursor);
  const meId = useMe().data?.user?.id;
  const [adding, setAdding] = useState(false);
  // The audit log links a user as /settings/users#user-<id>: that row is brought into view and marked.
  const { hash } = useLocation();
  const target = hash.startsWith('#user-') ? hash.slice('#user-'.length) : undefined;
  useEffect(() => {
    if (target && users.data) document.getElementById(`user-${target}`)?.scrollIntoView({ block: 'center' });
  }, [target, users.data]);

  const columns: ColumnDef<User>[] = [
    {
      header: copy.user,
      cell: ({ row }) => {
        const user = row.original;
        return (
          <div className={['settings-person', user.id === target ? 'settings-target' : ''].join(' ').trim()} id={`user-${user.id}`}>
            <span className="settings-strong">
              {user.name || user.email}
              {user.id === meId ? <span className="badge badge-info settings-inline-badge">{copy.you}</span> : null}
            </span>
            {user.name ? <span className="muted">{user.email}</span> : null}
          </div>
        );
      },
    },
    { header: copy.role, cell: ({ row }) => <Labelled label={copy.role}><RoleSelect user={row.original} /></Labelled> },
    {
      header: copy.status,
      cell: ({ row }) => (
        <Labelled label={copy.status}>
          {row.original.disabled ? <span className="badge badge-neutral">{copy.disabled}</span> : <span className="badge badge-good">{copy.active}</span>}
        </Labelled>
      ),
    },
    { header: copy.created, cell: ({ row }) => <Labelled label={copy.created}><Time value={row.original.createdAt} dateOnly /></Labelled> },
    {
      id: 'actions',
      header: () => <span className="sr-only">{copy.actions}</span>,
      cell: ({ row }) => (
        <Allowed area="administration">
          <UserStatusAction user={row.original} />
        </Allowed>
      ),
      meta: { className: 'settings-actions-cell' },
    },
  ];
  const add = (
    <Allowed area="administration">
      <Button variant="primary" onClick={() => setAdding(true)}>
        {copy.add}
      </Button>
    </Allowed>
  );
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} actions={add} />
      <QueryState query={users}>
        {(page) => (
          <StackedTable>
            <DataTable
              caption={copy.caption}
              columns={columns}
              rows={page.data}
              getRowId={(user) => user.id}
              empty={<EmptyState title={copy.emptyTitle} action={add}>{copy.emptyBody}</EmptyState>}
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} />}
            />
          </StackedTable>
        )}
      </QueryState>
      <AddUserDialog open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
