import { EmptyState, PageHeader, QueryState } from '../../../lib/components';
import { t } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { ProviderCard } from './ProviderCard';
import { usePaymentProviders } from './queries';

const copy = t.settings.providers;

/** /settings/payment-providers: the providers of the tab's environment (the environment switch picks another). */
export function PaymentProvidersPage() {
  const environment = useMe().data?.environment;
  const providers = usePaymentProviders();
  return (
    <>
      <PageHeader title={copy.title} description={copy.description(environment?.name ?? '')} />
      <div className="stack">
        <div className="notice notice-info" role="note">
          <p>{copy.sandboxNote}</p>
          {environment?.kind === 'production' ? <p>{copy.productionNote}</p> : null}
        </div>
        <QueryState query={providers}>
          {(data) =>
            data.data.length === 0 ? (
              <EmptyState title={copy.emptyTitle}>{copy.emptyBody}</EmptyState>
            ) : (
              <div className="stack">
                {data.data.map((provider) => (
                  <ProviderCard key={`${environment?.id}:${provider.provider}`} provider={provider} environmentKind={environment?.kind} />
                ))}
              </div>
            )
          }
        </QueryState>
      </div>
    </>
  );
}
