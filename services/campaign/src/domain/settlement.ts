import type { Scope } from '@azotte/common';
import type { Knex } from 'knex';
import { redemptionChanged } from '../events/emit';
import { countRedemption, lockCampaign } from '../store/campaigns';
import { countCodeRedemption } from '../store/codes';
import { lockRedemption, setRedemptionStatus, type RedemptionRow } from '../store/redemptions';

/**
 * What a subscription's status means for the redemption reserved for it:
 * - it started (trialing, active, past_due): the redemption is `confirmed`;
 * - it never will (incomplete_expired; canceled while its redemption was
 *   still only reserved, i.e. before it ever started): `released`;
 * - incomplete: not yet known.
 */
export function outcomeOf(subscriptionStatus: string): 'confirmed' | 'released' | undefined {
  if (['trialing', 'active', 'past_due'].includes(subscriptionStatus)) return 'confirmed';
  if (['incomplete_expired', 'canceled'].includes(subscriptionStatus)) return 'released';
  return undefined;
}

/**
 * Moves a reserved redemption to `confirmed` or `released`, under its
 * campaign's lock (as Redeem takes it). A release gives its unit back to the
 * campaign's and the code's limits. A redemption no longer reserved is left
 * as it is, so a repeated settlement changes nothing and publishes nothing.
 * Returns the redemption as it is afterwards.
 */
export async function settleRedemption(
  trx: Knex.Transaction,
  scope: Scope,
  redemption: Pick<RedemptionRow, 'id' | 'campaign_id'>,
  outcome: 'confirmed' | 'released',
  at: Date,
): Promise<RedemptionRow | undefined> {
  await lockCampaign(trx, scope, redemption.campaign_id);
  const row = await lockRedemption(trx, scope, redemption.id);
  if (!row || row.status !== 'reserved') return row;
  await setRedemptionStatus(trx, scope, row.id, outcome, at);
  if (outcome === 'released') {
    await countRedemption(trx, scope, row.campaign_id, -1);
    if (row.code) await countCodeRedemption(trx, scope, row.campaign_id, row.code, -1);
  }
  const settled: RedemptionRow = { ...row, status: outcome, updated_at: at };
  await redemptionChanged(trx, scope, settled, at);
  return settled;
}
