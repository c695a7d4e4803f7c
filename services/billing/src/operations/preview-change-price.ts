import type { CallContext } from '@azotte/common';
import type { billingV1 } from '@azotte/proto';
import { EVERY_ROLE, scopeFor } from '../domain/access';
import type { Deps } from '../domain/deps';
import { presentChangePricePreview } from '../store/present';
import { planPriceChange } from './price-change-plan';
import { priceChangeTerms } from './price-change-terms';

/**
 * The invoice ChangePrice would create and charge now, by the environment's
 * clock: the same checks, the same plan, nothing written.
 */
export async function previewChangePrice(deps: Deps, ctx: CallContext, req: billingV1.PreviewChangePriceRequest): Promise<billingV1.ChangePricePreview> {
  const scope = scopeFor(ctx, EVERY_ROLE);
  const { current, terms } = await priceChangeTerms(deps, scope, req);
  const at = await deps.clocks.now(scope);
  return presentChangePricePreview(planPriceChange(scope, current, terms, at), at);
}
