import { conflict, newId, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { isUniqueViolation } from '../store/db-errors';
import { insertStorefront, STOREFRONT_SLUG_UNIQUE, toStorefront, type StorefrontRow } from '../store/storefronts';
import { scopeFor, STOREFRONT_WRITERS } from './access';
import type { Deps } from './deps';
import { storefrontFromRequest } from './storefront-fields';
import { storefrontSchema, validate } from './validation';

export async function createStorefront(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.CreateStorefrontRequest,
): Promise<tenantV1.Storefront> {
  const scope = scopeFor(ctx, STOREFRONT_WRITERS);
  const fields = validate(storefrontSchema, storefrontFromRequest(request));
  const now = deps.clock.now();
  const row: StorefrontRow = {
    id: newId('sf'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    name: fields.name,
    slug: fields.slug,
    branding: fields.branding,
    payment_methods: fields.paymentMethods,
    regional: fields.regional,
    status: 'active',
    created_at: now,
    updated_at: now,
  };
  const storefront = toStorefront(row);
  try {
    await deps.db.transaction(async (trx) => {
      await insertStorefront(trx, scope, { id: row.id, status: row.status, created_at: now, updated_at: now, fields });
      await emit(trx, ctx, EVENTS.tenant.storefrontCreated, eventsV1.StorefrontChanged.toJSON({ storefront }), {
        tenantId: scope.tenantId,
        environment: { id: scope.environmentId, kind: scope.environmentKind },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, STOREFRONT_SLUG_UNIQUE)) throw slugTaken(fields.slug);
    throw err;
  }
  return storefront;
}

export const slugTaken = (slug: string) =>
  conflict('slug_taken', `A storefront with the slug "${slug}" already exists in this environment.`);
