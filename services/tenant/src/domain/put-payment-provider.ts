import { notFound, unprocessable, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { lockProviderSettings, saveProviderSettings } from '../store/payment-providers';
import { ADMINISTRATORS, scopeFor } from './access';
import type { Deps } from './deps';
import { credentialsContext, findProvider, providerState } from './providers';
import { credentialsHint } from './secrets';
import { putPaymentProviderSchema, validate } from './validation';

/**
 * Enables or disables a provider in the caller's environment and stores its
 * credentials encrypted. Credentials are write-only: absent keeps what is
 * stored, an empty object removes them, and they never come back out.
 */
export async function putPaymentProvider(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.PutPaymentProviderRequest,
): Promise<tenantV1.PaymentProvider> {
  const scope = scopeFor(ctx, ADMINISTRATORS);
  const spec = findProvider(request.provider);
  if (!spec) throw notFound('payment_provider', request.provider);
  const input = validate(putPaymentProviderSchema, request);
  if (!input.enabled && spec.alwaysOnIn.includes(scope.environmentKind)) {
    throw unprocessable('sandbox_always_on', `The ${spec.name} provider is always on in ${scope.environmentKind} environments.`);
  }

  return deps.db.transaction(async (trx) => {
    const stored = await lockProviderSettings(trx, scope, spec.name);
    let sealed = stored?.credentials_encrypted ?? null;
    const { credentialsHint: previousHint, ...details } = stored?.details ?? {};
    let hint = typeof previousHint === 'string' ? previousHint : undefined;
    if (input.credentials !== undefined) {
      const given = Object.keys(input.credentials).length > 0;
      const context = credentialsContext(scope.tenantId, scope.environmentId, spec.name);
      sealed = given ? deps.secrets.seal(JSON.stringify(input.credentials), context) : null;
      hint = given ? credentialsHint(input.credentials) : undefined;
    }
    if (input.enabled && spec.needsCredentials && sealed === null) {
      throw unprocessable('credentials_required', `The ${spec.name} provider needs credentials before it can be enabled.`);
    }
    const nextDetails = hint === undefined ? details : { ...details, credentialsHint: hint };

    await saveProviderSettings(trx, scope, {
      provider: spec.name,
      enabled: input.enabled,
      credentials_encrypted: sealed,
      details: nextDetails,
      updated_at: deps.clock.now(),
    });
    const paymentProvider = providerState(spec, scope.environmentKind, {
      enabled: input.enabled,
      hasCredentials: sealed !== null,
      details: nextDetails,
    });
    await emit(trx, ctx, EVENTS.tenant.paymentProviderUpdated, eventsV1.PaymentProviderChanged.toJSON({ paymentProvider }), {
      tenantId: scope.tenantId,
      environment: { id: scope.environmentId, kind: scope.environmentKind },
    });
    deps.logger.info({ provider: spec.name, enabled: input.enabled }, 'payment provider settings saved');
    return paymentProvider;
  });
}
