import type { Db, Scope } from '@azotte/common';
import { variantAssigned } from '../events/emit';
import { recordAssignment } from '../store/assignments';

/**
 * Stores a customer's variant of a campaign the first time it is decided, with
 * its `campaign.variant.assigned.v1` event in the same transaction. Later
 * calls (and concurrent ones that lost the race) change nothing and publish
 * nothing: one assignment, one event, per campaign and customer.
 */
export async function assignVariant(
  db: Db,
  scope: Scope,
  assignment: { campaignId: string; customerId: string; variant: string; assignedAt: Date },
): Promise<void> {
  const recorded = await recordAssignment(db, scope, {
    campaign_id: assignment.campaignId,
    customer_id: assignment.customerId,
    variant: assignment.variant,
    assigned_at: assignment.assignedAt,
  });
  if (recorded) await variantAssigned(db, scope, assignment);
}
