import { useState } from 'react';
import { Allowed, Button, DataTable, EmptyState, PageHeader, Pager, QueryState, Time, useCursorPager, type ColumnDef } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/time';
import { roleLabel } from '../shared/roles';
import { Labelled, StackedTable } from '../../../lib/components/StackedTable';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { NewKeyDialog } from './NewKeyDialog';
import { RevokeKeyButton } from './RevokeKeyButton';
import { useApiKeys, type ApiKey, type CreatedApiKey } from './queries';

const copy = t.settings.apiKeys;

const columns: ColumnDef<ApiKey>[] = [
  { header: copy.name, cell: ({ row }) => <span className="settings-strong">{row.original.name}</span> },
  { header: copy.key, cell: ({ row }) => <Labelled label={copy.key}><code className="settings-hint">{row.original.hint}</code></Labelled> },
  { header: copy.role, cell: ({ row }) => <Labelled label={copy.role}>{roleLabel(row.original.role)}</Labelled> },
  { header: copy.environment, cell: ({ row }) => <Labelled label={copy.environment}>{row.original.environment}</Labelled> },
  { header: copy.created, cell: ({ row }) => <Labelled label={copy.created}><Time value={row.original.createdAt} dateOnly /></Labelled> },
  {
    header: copy.lastUsed,
    cell: ({ row }) => (
      <Labelled label={copy.lastUsed}>
        {row.original.lastUsedAt ? <Time value={row.original.lastUsedAt} /> : <span className="muted">{copy.never}</span>}
      </Labelled>
    ),
  },
  {
    header: copy.status,
    cell: ({ row }) => (
      <Labelled label={copy.status}>
        {row.original.revokedAt ? (
          <span className="badge badge-neutral" title={copy.revokedAt(formatDateTime(row.original.revokedAt))}>
            {copy.revoked}
          </span>
        ) : (
          <span className="badge badge-good">{copy.active}</span>
        )}
      </Labelled>
    ),
  },
  {
    id: 'actions',
    header: () => <span className="sr-only">{copy.actions}</span>,
    cell: ({ row }) =>
      row.original.revokedAt ? null : (
        <Allowed area="administration">
          <RevokeKeyButton apiKey={row.original} />
        </Allowed>
      ),
    meta: { className: 'settings-actions-cell' },
  },
];

/** /settings/api-keys: the keys (by their hint, never in clear), "Create API key" and "Revoke". */
export function ApiKeysPage() {
  const pager = useCursorPager();
  const keys = useApiKeys(pager.cursor);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();
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
      <QueryState query={keys}>
        {(page) => (
          <StackedTable>
            <DataTable
              caption={copy.caption}
              columns={columns}
              rows={page.data}
              getRowId={(key) => key.id}
              empty={<EmptyState title={copy.emptyTitle} action={create}>{copy.emptyBody}</EmptyState>}
              footer={<Pager pager={pager} nextCursor={page.nextCursor} label={copy.pager} />}
            />
          </StackedTable>
        )}
      </QueryState>
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <NewKeyDialog created={created} onClose={() => setCreated(undefined)} />
    </>
  );
}
