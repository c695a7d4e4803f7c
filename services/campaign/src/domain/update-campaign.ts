import { notFound, type CallContext } from '@azotte/common';
import type { campaignV1 } from '@azotte/proto';
import { campaignUpdated } from '../events/emit';
import { columnsOf, lockCampaign, presentCampaigns, updateCampaignRow, type CampaignRow } from '../store/campaigns';
import { CODE_UNIQUE, codesOf, replaceCodes, type CodeRow } from '../store/codes';
import { isUniqueViolation } from '../store/db-errors';
import { editScope } from './access';
import { validateCampaign, type CampaignFields, type CampaignInput } from './campaign-fields';
import { canonicalJson } from './canonical';
import { codeOfViolation, ensureCodesFree } from './code-availability';
import type { Deps } from './deps';
import { campaignEnded, codeTaken, variantsLocked } from './errors';
import { isEditable, variantsEditable } from './lifecycle';
import { toProtoOffer } from './offers';
import { toProtoVariant } from './variants';

/** The stored campaign as the wire would send it: the base an update is merged onto. */
function storedInput(row: CampaignRow, codes: CodeRow[]): CampaignInput {
  return {
    name: row.name,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    offer: toProtoOffer(row.offer),
    targeting: row.targeting,
    codes: codes.map((c) => ({ code: c.display_code, maxRedemptions: c.max_redemptions ?? undefined, redemptions: c.redemptions })),
    maxRedemptions: row.max_redemptions,
    variants: row.variants.map((v) => toProtoVariant(v, toProtoOffer)),
  };
}

/** The stored campaign's fields, to compare an update with. */
const storedFields = (row: CampaignRow, codes: CodeRow[]): CampaignFields => ({
  name: row.name,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  offer: row.offer,
  targeting: row.targeting,
  codes: codes.map((c) => ({ code: c.code, display: c.display_code, maxRedemptions: c.max_redemptions })),
  maxRedemptions: row.max_redemptions,
  variants: row.variants,
});

function merge(base: CampaignInput, request: campaignV1.UpdateCampaignRequest): CampaignInput {
  return {
    name: request.name ?? base.name,
    startsAt: request.clearStartsAt ? null : (request.startsAt ?? base.startsAt),
    endsAt: request.clearEndsAt ? null : (request.endsAt ?? base.endsAt),
    offer: request.offer ?? base.offer,
    targeting: request.clearTargeting ? null : (request.targeting ?? base.targeting),
    codes: request.replaceCodes ? request.codes : base.codes,
    maxRedemptions: request.clearMaxRedemptions ? null : (request.maxRedemptions ?? base.maxRedemptions),
    variants: request.replaceVariants ? request.variants : base.variants,
  };
}

/**
 * Changes a campaign that has not ended: the fields present replace what is
 * stored, and the result is checked whole, as on creation. Codes that stay
 * keep their counts. Variants change only while the campaign is a draft (a
 * customer's variant never changes once assigned). A limit may be lowered
 * below the redemptions already made: the campaign is then exhausted.
 * An update that changes nothing publishes nothing.
 */
export async function updateCampaign(
  deps: Deps,
  ctx: CallContext,
  request: campaignV1.UpdateCampaignRequest,
): Promise<campaignV1.Campaign> {
  const scope = editScope(ctx);
  if (!request.id) throw notFound('campaign');
  try {
    return await deps.db.transaction(async (trx) => {
      const row = await lockCampaign(trx, scope, request.id);
      if (!row) throw notFound('campaign', request.id);
      if (!isEditable(row.status)) throw campaignEnded();
      const codes = (await codesOf(trx, scope, [row.id])).get(row.id) ?? [];
      const before = storedFields(row, codes);
      const fields = validateCampaign(merge(storedInput(row, codes), request));

      const changed = (Object.keys(before) as Array<keyof CampaignFields>).filter(
        (key) => canonicalJson(before[key]) !== canonicalJson(fields[key]),
      );
      if (changed.includes('variants') && !variantsEditable(row.status)) throw variantsLocked();
      if (changed.length === 0) return (await presentCampaigns(trx, scope, [row]))[0]!;

      const now = await deps.clocks.now(scope, trx);
      if (changed.includes('codes')) {
        await ensureCodesFree(trx, scope, fields.codes, row.id);
        await replaceCodes(trx, scope, row.id, fields.codes, now);
      }
      await updateCampaignRow(trx, scope, row.id, { ...columnsOf(fields), updated_at: now });
      const [campaign] = await presentCampaigns(trx, scope, [(await lockCampaign(trx, scope, row.id))!]);
      await campaignUpdated(trx, scope, campaign!, changed);
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
