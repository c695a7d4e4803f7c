import { isDomainError, newId, unprocessable, type CallContext, type FieldError, type Scope } from '@azotte/common';
import type { billingV1, tenantV1 } from '@azotte/proto';
import { BILLING_WRITERS, scopeFor } from '../domain/access';
import { checkoutTerms, type CheckoutTerms } from '../domain/checkout-rules';
import type { Deps } from '../domain/deps';
import { newHostedSecret } from '../domain/hosted-secrets';
import { emitCheckoutSession } from '../events/emit';
import { presentCheckoutSession } from '../store/present';
import { checkoutSessions, type CheckoutSessionRow } from '../store/tables';
import { customerNamed, storefrontNamed } from './hosted-lookups';

const MINUTE = 60_000;

/**
 * Every price the storefront cannot sell, each named by its place in the
 * request (`priceIds[i]`): unsellable by the catalog (archived, restricted
 * to other storefronts or countries, unknown) or in a currency the
 * storefront does not offer.
 */
async function unsellable(deps: Deps, scope: Scope, terms: CheckoutTerms, storefront: tenantV1.Storefront, country: string): Promise<FieldError[]> {
  const offered = new Set([...(storefront.regional?.currencies ?? []), storefront.regional?.defaultCurrency].filter(Boolean));
  const verdicts = await Promise.all(
    terms.priceIds.map(async (priceId, i): Promise<FieldError | undefined> => {
      const path = `priceIds[${i}]`;
      try {
        const quote = await deps.remote.quote(scope, { priceId, quantity: terms.quantity, storefrontId: terms.storefrontId, country });
        if (!quote.sellable) return { path, message: quote.unsellableReason || 'not_sellable' };
        if (!offered.has(quote.currency)) return { path, message: `currency ${quote.currency} is not offered by the storefront` };
        return undefined;
      } catch (err) {
        if (isDomainError(err) && err.kind === 'not_found') return { path, message: 'price_not_found' };
        throw err;
      }
    }),
  );
  return verdicts.filter((v): v is FieldError => v !== undefined);
}

/**
 * Opens a checkout session: a hosted page offering 1 to 5 prices of one
 * active storefront. Each price must be sellable there (422
 * `price_not_sellable` naming every one that is not). The answer carries the
 * page's secret, the only time it is given.
 */
export async function createCheckoutSession(deps: Deps, ctx: CallContext, req: billingV1.CreateCheckoutSessionRequest): Promise<billingV1.CheckoutSession> {
  const scope = scopeFor(ctx, BILLING_WRITERS);
  const [named, customer] = await Promise.all([storefrontNamed(deps, scope, req.storefrontId), customerNamed(deps, scope, req.customerId)]);
  const terms = checkoutTerms(req, [...named.problems, ...customer.problems]);
  const storefront = named.storefront!;
  if (customer.customer?.erased) throw unprocessable('customer_erased', `Customer ${req.customerId} was erased.`);

  // The country a price's restriction is checked against: the customer's, else the storefront's only one.
  const countries = storefront.regional?.countries ?? [];
  const country = customer.customer?.country || (countries.length === 1 ? countries[0]! : '');
  const refused = await unsellable(deps, scope, terms, storefront, country);
  if (refused.length > 0) {
    const which = refused.map((f) => `${f.path} (${f.message})`).join(', ');
    throw unprocessable('price_not_sellable', `Storefront ${terms.storefrontId} cannot sell ${which}.`, refused);
  }

  const at = await deps.clocks.now(scope);
  const { secret, sha256 } = newHostedSecret();
  const row: CheckoutSessionRow = {
    id: newId('cs'),
    tenant_id: scope.tenantId,
    environment_id: scope.environmentId,
    environment_kind: scope.environmentKind,
    secret_sha256: sha256,
    status: 'open',
    storefront_id: terms.storefrontId,
    price_ids: terms.priceIds,
    customer_id: terms.customerId ?? null,
    customer_email: terms.customerEmail ?? null,
    quantity: terms.quantity,
    coupon_code: terms.couponCode ?? null,
    allow_coupons: terms.allowCoupons,
    success_url: terms.successUrl,
    cancel_url: terms.cancelUrl,
    price_id: null,
    subscription_id: null,
    expires_at: new Date(at.getTime() + terms.expiresInMinutes * MINUTE),
    created_at: at,
    completed_at: null,
    updated_at: at,
  };
  await deps.db.transaction(async (trx) => {
    const { tenant_id: _t, environment_id: _e, ...insert } = row;
    await checkoutSessions.insert(trx, scope, insert);
    await emitCheckoutSession(trx, scope, 'checkoutSessionCreated', row, at);
  });
  deps.logger.info({ checkoutSessionId: row.id, storefrontId: row.storefront_id }, 'checkout session created');
  return presentCheckoutSession(row, at, secret);
}
