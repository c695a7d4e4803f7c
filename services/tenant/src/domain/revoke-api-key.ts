import { notFound, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { lockTenantApiKey, revokeApiKey as markRevoked, toApiKey } from '../store/api-keys';
import { findEnvironmentById } from '../store/environments';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';

/** Revokes a key at once (Authenticate refuses it from the next call on). Revoking twice changes nothing. */
export async function revokeApiKey(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.RevokeApiKeyRequest,
): Promise<tenantV1.ApiKey> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  return deps.db.transaction(async (trx) => {
    const stored = request.id ? await lockTenantApiKey(trx, tenantId, request.id) : undefined;
    if (!stored) throw notFound('api_key', request.id);
    const environment = await findEnvironmentById(trx, tenantId, stored.environment_id);
    if (stored.revoked_at) return toApiKey(stored, environment);

    const revoked = { ...stored, revoked_at: deps.clock.now() };
    await markRevoked(trx, tenantId, stored.id, revoked.revoked_at);
    const apiKey = toApiKey(revoked, environment);
    await emit(trx, ctx, EVENTS.tenant.apiKeyRevoked, eventsV1.ApiKeyChanged.toJSON({ apiKey }), {
      tenantId,
      environment: environment ? { id: environment.id, kind: environment.kind } : undefined,
    });
    return apiKey;
  });
}
