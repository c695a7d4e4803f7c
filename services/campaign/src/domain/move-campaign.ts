import { notFound, type CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { campaignMoved } from '../events/emit';
import { lockCampaign, presentCampaigns, updateCampaignRow } from '../store/campaigns';
import { operateScope } from './access';
import type { Deps } from './deps';
import { nextStatus, type Action } from './lifecycle';

/** Moves a campaign along its lifecycle (lifecycle.ts), under its row's lock, with the event of the move. */
export async function moveCampaign(deps: Deps, ctx: CallContext, id: string, action: Action): Promise<campaignV1.Campaign> {
  const scope = operateScope(ctx);
  if (!id) throw notFound('campaign');
  return deps.db.transaction(async (trx) => {
    const row = await lockCampaign(trx, scope, id);
    if (!row) throw notFound('campaign', id);
    const status = nextStatus(row.status, action);
    const now = await deps.clocks.now(scope, trx);
    await updateCampaignRow(trx, scope, id, { status, updated_at: now });
    const [campaign] = await presentCampaigns(trx, scope, [{ ...row, status, updated_at: now }]);
    await campaignMoved(trx, scope, action, campaign!, row.status);
    return campaign!;
  });
}
