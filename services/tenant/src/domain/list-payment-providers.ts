import type { CallContext } from '@azotte/common';
import type { tenantV1 } from '@azotte/proto';
import { listProviderSettings } from '../store/payment-providers';
import { ADMINISTRATORS, scopeFor } from './access';
import type { Deps } from './deps';
import { PAYMENT_PROVIDERS, providerState } from './providers';

/** Every known provider as it stands in the caller's environment. */
export async function listPaymentProviders(
  deps: Deps,
  ctx: CallContext,
  _request: tenantV1.ListPaymentProvidersRequest,
): Promise<tenantV1.ListPaymentProvidersResponse> {
  // Services may ask too: billing needs to know whether a payment can be taken at all.
  const scope = scopeFor(ctx, ADMINISTRATORS, { services: true });
  const stored = new Map((await listProviderSettings(deps.db, scope)).map((row) => [row.provider, row]));
  return {
    data: PAYMENT_PROVIDERS.map((spec) => {
      const row = stored.get(spec.name);
      const settings = row && {
        enabled: row.enabled,
        hasCredentials: row.credentials_encrypted !== null,
        details: row.details,
      };
      return providerState(spec, scope.environmentKind, settings);
    }),
  };
}
