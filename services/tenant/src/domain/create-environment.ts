import { conflict, newId, type CallContext, type EnvironmentKind } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { isUniqueViolation } from '../store/db-errors';
import { ENVIRONMENT_NAME_UNIQUE, insertEnvironments, toEnvironment, type EnvironmentRow } from '../store/environments';
import { ADMINISTRATORS, tenantFor } from './access';
import type { Deps } from './deps';
import { createEnvironmentSchema, validate } from './validation';

export async function createEnvironment(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.CreateEnvironmentRequest,
): Promise<tenantV1.Environment> {
  const tenantId = tenantFor(ctx, ADMINISTRATORS);
  const input = validate(createEnvironmentSchema, request);
  const row: EnvironmentRow = {
    id: newId('env'),
    tenant_id: tenantId,
    name: input.name,
    kind: input.kind as EnvironmentKind,
    created_at: deps.clock.now(),
  };
  const environment = toEnvironment(row);
  try {
    await deps.db.transaction(async (trx) => {
      await insertEnvironments(trx, tenantId, [row]);
      await emit(trx, ctx, EVENTS.tenant.environmentCreated, eventsV1.EnvironmentCreated.toJSON({ environment }), {
        tenantId,
        environment: { id: row.id, kind: row.kind },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, ENVIRONMENT_NAME_UNIQUE)) {
      throw conflict('environment_exists', `An environment named "${input.name}" already exists.`);
    }
    throw err;
  }
  return environment;
}
