import { Link, useParams } from 'react-router';
import { Card, DataTable, DescriptionList, EmptyState, PageHeader, QueryState, Time, type ColumnDef } from '../../lib/components';
import type { Schema } from '../../lib/api';
import { t } from '../../lib/i18n';
import { FxRatesTable } from '../../lib/fx-rates/FxRatesTable';
import { Labelled, StackedTable } from '../../lib/components/StackedTable';
import { ActInTenantButton } from './ActInTenantButton';
import { useTenant } from './queries';
import './tenants.css';

const copy = t.tenants.detail;

const environmentColumns: ColumnDef<Schema<'Environment'>>[] = [
  { header: copy.envName, cell: ({ row }) => <span className="tenants-strong">{row.original.name}</span> },
  {
    header: copy.envKind,
    cell: ({ row }) => (
      <Labelled label={copy.envKind}>
        <span className={`badge ${row.original.kind === 'sandbox' ? 'badge-warn' : 'badge-info'}`}>{copy.kinds[row.original.kind]}</span>
      </Labelled>
    ),
  },
  { header: copy.envId, cell: ({ row }) => <Labelled label={copy.envId}><code>{row.original.id}</code></Labelled> },
];

/** /tenants/:id: a tenant's details and environments, and "Act in this tenant". */
export function TenantPage() {
  const { id = '' } = useParams();
  const tenant = useTenant(id);
  const data = tenant.data;
  return (
    <>
      <PageHeader
        title={data?.name ?? copy.fallbackTitle}
        breadcrumb={<Link to="/tenants">{copy.breadcrumb}</Link>}
        description={data ? copy.actHint : undefined}
        actions={data ? <ActInTenantButton id={data.id} name={data.name} /> : undefined}
      />
      <QueryState query={tenant}>
        {(data) => (
          <div className="stack">
            <Card title={copy.details}>
              <DescriptionList
                items={[
                  [copy.id, <code key="id">{data.id}</code>],
                  [t.tenants.slug, <code key="slug">{data.slug}</code>],
                  [t.tenants.reportingCurrency, <code key="c">{data.reportingCurrency}</code>],
                  [t.tenants.created, <Time key="t" value={data.createdAt} />],
                ]}
              />
            </Card>
            <div className="grid-2">
              <Card title={copy.environments}>
                <StackedTable>
                  <DataTable
                    caption={copy.envCaption}
                    columns={environmentColumns}
                    rows={data.environments}
                    getRowId={(env) => env.id}
                    empty={<EmptyState title={copy.environments} />}
                  />
                </StackedTable>
              </Card>
              <Card title={copy.fxRates}>
                <FxRatesTable rates={data.fxRates} reportingCurrency={data.reportingCurrency} />
              </Card>
            </div>
          </div>
        )}
      </QueryState>
    </>
  );
}
