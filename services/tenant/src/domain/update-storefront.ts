import { conflict, notFound, type CallContext } from '@azotte/common';
import { EVENTS, eventsV1, type tenantV1 } from '@azotte/proto';
import { emit } from '../events/emit';
import { isUniqueViolation } from '../store/db-errors';
import {
  fieldsOf,
  lockStorefront,
  STOREFRONT_SLUG_UNIQUE,
  toStorefront,
  updateStorefront as saveStorefront,
} from '../store/storefronts';
import { scopeFor, STOREFRONT_WRITERS } from './access';
import { slugTaken } from './create-storefront';
import type { Deps } from './deps';
import { mergeStorefront, sameStorefront } from './storefront-fields';
import { storefrontSchema, validate } from './validation';

/** Changes an active storefront; the merged result is validated whole, as on creation. */
export async function updateStorefront(
  deps: Deps,
  ctx: CallContext,
  request: tenantV1.UpdateStorefrontRequest,
): Promise<tenantV1.Storefront> {
  const scope = scopeFor(ctx, STOREFRONT_WRITERS);
  try {
    return await deps.db.transaction(async (trx) => {
      const stored = request.id ? await lockStorefront(trx, scope, request.id) : undefined;
      if (!stored) throw notFound('storefront', request.id);
      if (stored.status === 'archived') {
        throw conflict('storefront_archived', 'An archived storefront cannot be changed.');
      }
      const fields = validate(storefrontSchema, mergeStorefront(fieldsOf(stored), request));
      if (sameStorefront(fields, fieldsOf(stored))) return toStorefront(stored);

      const at = deps.clock.now();
      await saveStorefront(trx, scope, stored.id, fields, at);
      const storefront = toStorefront({
        ...stored,
        name: fields.name,
        slug: fields.slug,
        branding: fields.branding,
        payment_methods: fields.paymentMethods,
        regional: fields.regional,
        updated_at: at,
      });
      await emit(trx, ctx, EVENTS.tenant.storefrontUpdated, eventsV1.StorefrontChanged.toJSON({ storefront }), {
        tenantId: scope.tenantId,
        environment: { id: scope.environmentId, kind: scope.environmentKind },
      });
      return storefront;
    });
  } catch (err) {
    if (isUniqueViolation(err, STOREFRONT_SLUG_UNIQUE)) throw slugTaken(request.slug ?? '');
    throw err;
  }
}
