import type { campaignV1 } from '@azotte/proto';
import type { Api } from '../http/api';
import { IdParams, listResponse, pageOf } from '../http/schemas';
import { offerToProto, presentCampaign, presentEvaluation } from './campaign-presenters';
import {
  CampaignList,
  CampaignSchema,
  CreateCampaignBody,
  EvaluateBody,
  EvaluationSchema,
  ListCampaignsQuery,
  UpdateCampaignBody,
} from './campaign-schemas';

type Codes = Array<{ code: string; maxRedemptions?: number }>;
type Variants = Array<{ key: string; weight: number; offer: Parameters<typeof offerToProto>[0] }>;

const codesToProto = (codes: Codes | undefined): campaignV1.Code[] =>
  (codes ?? []).map((c) => ({ code: c.code, maxRedemptions: c.maxRedemptions, redemptions: 0 }));

const variantsToProto = (variants: Variants | undefined): campaignV1.Variant[] =>
  (variants ?? []).map((v) => ({ key: v.key, weight: v.weight, offer: offerToProto(v.offer) }));

/**
 * Campaigns: API.md "Campaigns". Creating and editing is the `campaigns` row
 * of the role table; activating, pausing and ending the `campaignOperations`
 * row; reading and evaluating need `campaigns` read (every role).
 */
export function campaignRoutes(api: Api): void {
  const campaigns = api.clients.campaign;
  const edit = (access: 'read' | 'write') => ({ area: 'campaigns' as const, access });
  const operate = { area: 'campaignOperations' as const, access: 'write' as const };

  api.add({
    method: 'post',
    path: '/campaigns',
    summary: 'Create a campaign (in `draft`): its offer, schedule, targeting rules, coupon codes, limit and A/B variants',
    tag: 'Campaigns',
    auth: edit('write'),
    body: CreateCampaignBody,
    response: CampaignSchema,
    errors: [409],
    async handler({ body }) {
      return presentCampaign(
        await campaigns.createCampaign({
          name: body.name,
          startsAt: body.startsAt,
          endsAt: body.endsAt,
          offer: offerToProto(body.offer),
          targeting: body.targeting,
          codes: codesToProto(body.codes),
          maxRedemptions: body.maxRedemptions,
          variants: variantsToProto(body.variants),
        }),
      );
    },
  });

  // Declared before /campaigns/{id}/… so that nothing reads "evaluate" as an id.
  api.add({
    method: 'post',
    path: '/campaigns/evaluate',
    summary:
      'The offers that would apply to a checkout (what billing applies), and why the others do not: `expired`, `exhausted`, `not_targeted`, `unknown_code`, `not_active`',
    tag: 'Campaigns',
    auth: edit('read'),
    body: EvaluateBody,
    response: EvaluationSchema,
    status: 200,
    errors: [404],
    async handler({ body }) {
      return presentEvaluation(
        await campaigns.evaluate({
          customerId: body.customerId,
          priceId: body.priceId,
          storefrontId: body.storefrontId ?? '',
          couponCode: body.couponCode ?? '',
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/campaigns',
    summary: "List the environment's campaigns, newest first; `status` filters",
    tag: 'Campaigns',
    auth: edit('read'),
    query: ListCampaignsQuery,
    response: CampaignList,
    async handler({ query }) {
      return listResponse(await campaigns.listCampaigns({ page: pageOf(query), status: query.status ?? '' }), presentCampaign);
    },
  });

  api.add({
    method: 'get',
    path: '/campaigns/{id}',
    summary: 'Get a campaign with its redemption counts',
    tag: 'Campaigns',
    auth: edit('read'),
    params: IdParams,
    response: CampaignSchema,
    errors: [404],
    async handler({ params }) {
      return presentCampaign(await campaigns.getCampaign({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/campaigns/{id}',
    summary: 'Change a campaign that has not ended: fields given replace, null removes; codes and variants are replaced whole',
    tag: 'Campaigns',
    auth: edit('write'),
    params: IdParams,
    body: UpdateCampaignBody,
    response: CampaignSchema,
    errors: [404, 409],
    async handler({ params, body }) {
      return presentCampaign(
        await campaigns.updateCampaign({
          id: params.id,
          name: body.name,
          startsAt: body.startsAt ?? undefined,
          clearStartsAt: body.startsAt === null,
          endsAt: body.endsAt ?? undefined,
          clearEndsAt: body.endsAt === null,
          offer: body.offer ? offerToProto(body.offer) : undefined,
          targeting: body.targeting ?? undefined,
          clearTargeting: body.targeting === null,
          maxRedemptions: body.maxRedemptions ?? undefined,
          clearMaxRedemptions: body.maxRedemptions === null,
          codes: codesToProto(body.codes),
          replaceCodes: body.codes !== undefined,
          variants: variantsToProto(body.variants),
          replaceVariants: body.variants !== undefined,
        }),
      );
    },
  });

  const moves = [
    ['activate', 'Activate a draft or paused campaign', (id: string) => campaigns.activateCampaign({ id })],
    ['pause', 'Pause an active campaign: it applies to nobody until activated again', (id: string) => campaigns.pauseCampaign({ id })],
    ['end', 'End a campaign for good (a draft too); ended is final', (id: string) => campaigns.endCampaign({ id })],
  ] as const;
  for (const [action, summary, move] of moves) {
    api.add({
      method: 'post',
      path: `/campaigns/{id}/${action}`,
      summary: `${summary} (409 \`invalid_transition\` from any other status)`,
      tag: 'Campaigns',
      auth: operate,
      params: IdParams,
      response: CampaignSchema,
      status: 200,
      errors: [404],
      async handler({ params }) {
        return presentCampaign(await move(params.id));
      },
    });
  }
}
