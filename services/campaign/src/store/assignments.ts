import { scopedTable, type Db, type Scope } from '@azotte/common';

const assignments = scopedTable('variant_assignments');

/** The variants already assigned to a customer, by campaign. */
export async function assignmentsOf(db: Db, scope: Scope, customerId: string, campaignIds: string[]): Promise<Map<string, string>> {
  if (campaignIds.length === 0) return new Map();
  const rows: Array<{ campaign_id: string; variant: string }> = await assignments
    .in(db, scope)
    .andWhere({ customer_id: customerId })
    .whereIn('campaign_id', campaignIds)
    .select('campaign_id', 'variant');
  return new Map(rows.map((r) => [r.campaign_id, r.variant]));
}

/**
 * Records an assignment unless one exists. True when this call recorded it:
 * of any number of concurrent first evaluations, exactly one gets true.
 */
export async function recordAssignment(
  db: Db,
  scope: Scope,
  row: { campaign_id: string; customer_id: string; variant: string; assigned_at: Date },
): Promise<boolean> {
  const inserted = await assignments
    .insert(db, scope, row)
    .onConflict(['campaign_id', 'customer_id'])
    .ignore()
    .returning('campaign_id');
  return inserted.length > 0;
}
