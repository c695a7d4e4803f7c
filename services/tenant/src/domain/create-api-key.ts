import { newId, type CallContext, type FieldError } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { insertApiKey, toApiKey, type ApiKeyRow } from '../store/api-keys';
import { findEnvironment } from '../store/environments';
import { ADMINISTRATORS, tenantFor } from './access';
import { apiKeyHint, generateApiKey, hashApiKey } from './api-key-secret';
import type { Deps } from './deps';
import { createApiKeySchema, validate } from './validation';

/** Creates a key bound to one environment. The response is the only time the key is seen. */
export async function createApiKey(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.CreateApiKeyRequest,
): Promise<tenantV1.CreatedApiKey> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const named = request.environment.trim();
  const environment = named ? await findEnvironment(deps.db, tenantId, named) : undefined;
  const unknownEnvironment: FieldError[] =
    named && !environment ? [{ path: 'environment', message: 'is not an environment of this tenant' }] : [];
  const input = validate(createApiKeySchema, request, unknownEnvironment);
  if (!environment) throw new Error('unreachable: validation requires an environment');

  const key = generateApiKey(environment.kind);
  const row: ApiKeyRow = {
    id: newId('key'),
    tenant_id: tenantId,
    environment_id: environment.id,
    name: input.name,
    role: input.role,
    key_hash: hashApiKey(key),
    hint: apiKeyHint(key),
    created_at: deps.clock.now(),
    revoked_at: null,
    last_used_at: null,
  };
  const apiKey = toApiKey(row, environment);
  await deps.db.transaction(async (trx) => {
    await insertApiKey(trx, tenantId, row);
    await emit(trx, ctx, EVENTS.tenant.apiKeyCreated, eventsV1.ApiKeyChanged.toJSON({ apiKey }), {
      tenantId,
      environment: { id: environment.id, kind: environment.kind },
    });
  });
  deps.logger.info({ apiKeyId: row.id, environmentId: environment.id }, 'API key created');
  return { apiKey, key };
}
