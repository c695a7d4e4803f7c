import { newId, type CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { campaignCreated } from '../events/emit';
import { findCampaign, insertCampaign, presentCampaigns } from '../store/campaigns';
import { CODE_UNIQUE, replaceCodes } from '../store/codes';
import { isUniqueViolation } from '../store/db-errors';
import { editScope } from './access';
import { validateCampaign } from './campaign-fields';
import { codeOfViolation, ensureCodesFree } from './code-availability';
import type { Deps } from './deps';
import { codeTaken } from './errors';

/** Creates a campaign in `draft`: checked whole, its codes free in the environment. */
export async function createCampaign(
  deps: Deps,
  ctx: CallContext,
  request: campaignV1.CreateCampaignRequest,
): Promise<campaignV1.Campaign> {
  const scope = editScope(ctx);
  const fields = validateCampaign({
    name: request.name,
    startsAt: request.startsAt,
    endsAt: request.endsAt,
    offer: request.offer,
    targeting: request.targeting,
    codes: request.codes,
    maxRedemptions: request.maxRedemptions,
    variants: request.variants,
  });
  const id = newId('cmp');
  try {
    return await deps.db.transaction(async (trx) => {
      await ensureCodesFree(trx, scope, fields.codes, id);
      const now = await deps.clocks.now(scope, trx);
      await insertCampaign(trx, scope, { id, status: 'draft', created_at: now, fields });
      await replaceCodes(trx, scope, id, fields.codes, now);
      const [campaign] = await presentCampaigns(trx, scope, [(await findCampaign(trx, scope, id))!]);
      await campaignCreated(trx, scope, campaign!);
      return campaign!;
    });
  } catch (err) {
    if (isUniqueViolation(err, CODE_UNIQUE)) {
      const code = codeOfViolation(err);
      throw codeTaken([{ path: 'codes', message: `${code} is already used by another campaign of this environment` }], [code]);
    }
    throw err;
  }
}
