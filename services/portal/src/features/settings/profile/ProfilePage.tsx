import { Card, DescriptionList, PageHeader, QueryState, Time } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { roleName, useCan, useMe } from '../../../lib/session';
import { FxRatesTable } from '../../../lib/fx-rates/FxRatesTable';
import { EnvironmentKindBadge } from '../shared/EnvironmentKindBadge';
import { ProfileForm } from './ProfileForm';
import { useTenantProfile, type Tenant } from './queries';

const copy = t.settings.profile;

/** /settings: the tenant profile, editable by the Administrator, read-only for the Manager and the Viewer. */
export function ProfilePage() {
  const me = useMe().data;
  const canWrite = useCan('tenantProfile', 'write');
  const tenant = useTenantProfile(me?.tenantId);
  return (
    <>
      <PageHeader title={copy.title} description={copy.description} />
      <QueryState query={tenant}>
        {(data) => (
          <div className="settings-columns">
            {canWrite ? (
              <Card title={copy.details}>
                <ProfileForm key={data.id} tenant={data} />
              </Card>
            ) : (
              <div className="stack">
                <p className="notice notice-info">{copy.readOnly(roleName(me?.role ?? ''))}</p>
                <Card title={copy.details}>
                  <DescriptionList
                    items={[
                      [copy.name, data.name],
                      [copy.reportingCurrency, <code key="c">{data.reportingCurrency}</code>],
                    ]}
                  />
                </Card>
                <Card title={t.settings.fx.legend}>
                  <FxRatesTable rates={data.fxRates} reportingCurrency={data.reportingCurrency} />
                </Card>
              </div>
            )}
            <TenantFacts tenant={data} />
          </div>
        )}
      </QueryState>
    </>
  );
}

/** What identifies the tenant and cannot be changed here: its ID, slug, creation, environments. */
function TenantFacts({ tenant }: { tenant: Tenant }) {
  return (
    <Card title={t.app.tenantLabel}>
      <dl className="settings-facts">
        <div>
          <dt>{copy.id}</dt>
          <dd>
            <code>{tenant.id}</code>
          </dd>
        </div>
        <div>
          <dt>{copy.slug}</dt>
          <dd>
            <code>{tenant.slug}</code>
          </dd>
        </div>
        <div>
          <dt>{copy.created}</dt>
          <dd>
            <Time value={tenant.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{copy.environments}</dt>
          <dd>
            <ul className="settings-env-list">
              {tenant.environments.map((env) => (
                <li key={env.id}>
                  <span>{env.name}</span> <EnvironmentKindBadge kind={env.kind} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
