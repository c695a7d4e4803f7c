import type { z } from 'zod';
import type { Api } from '../http/api';
import { IdParams, listResponse, pageOf } from '../http/schemas';
import { presentBundle, presentPrice, presentQuote } from './catalog-presenters';
import {
  BundleList,
  BundleSchema,
  CreateBundleBody,
  CreatePriceBody,
  ListBundlesQuery,
  ListPricesQuery,
  PriceList,
  PriceQuoteSchema,
  PriceSchema,
  QuoteQuery,
  UpdateBundleBody,
} from './catalog-schemas';

type Tiers = NonNullable<z.infer<typeof CreatePriceBody>['tiers']>;

// proto3 has no null: an absent upTo is the unbounded last tier.
const tiersToProto = (tiers: Tiers | undefined) =>
  (tiers ?? []).map((t) => ({
    upTo: t.upTo ?? undefined,
    unitAmount: t.unitAmount,
    unitAmountDecimal: t.unitAmountDecimal,
    flatAmount: t.flatAmount,
  }));

/** Bundles and prices: API.md "Catalog", the `catalog` row of the role table. */
export function catalogRoutes(api: Api): void {
  const catalog = api.clients.catalog;
  const area = (access: 'read' | 'write') => ({ area: 'catalog' as const, access });

  api.add({
    method: 'post',
    path: '/bundles',
    summary: 'Create a bundle and the entitlements it grants (active unless `status: "draft"`)',
    tag: 'Catalog',
    auth: area('write'),
    body: CreateBundleBody,
    response: BundleSchema,
    async handler({ body }) {
      return presentBundle(
        await catalog.createBundle({
          name: body.name,
          description: body.description,
          entitlements: body.entitlements,
          status: body.status ?? '',
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/bundles',
    summary: "List the environment's bundles, newest first; `status` filters",
    tag: 'Catalog',
    auth: area('read'),
    query: ListBundlesQuery,
    response: BundleList,
    async handler({ query }) {
      return listResponse(await catalog.listBundles({ page: pageOf(query), status: query.status ?? '' }), presentBundle);
    },
  });

  api.add({
    method: 'get',
    path: '/bundles/{id}',
    summary: 'Get a bundle, whatever its status',
    tag: 'Catalog',
    auth: area('read'),
    params: IdParams,
    response: BundleSchema,
    errors: [404],
    async handler({ params }) {
      return presentBundle(await catalog.getBundle({ id: params.id }));
    },
  });

  api.add({
    method: 'patch',
    path: '/bundles/{id}',
    summary: 'Change a bundle: name, description, entitlements (replaced whole), or draft → active',
    tag: 'Catalog',
    auth: area('write'),
    params: IdParams,
    body: UpdateBundleBody,
    response: BundleSchema,
    errors: [404, 409],
    async handler({ params, body }) {
      return presentBundle(
        await catalog.updateBundle({
          id: params.id,
          name: body.name,
          // proto3 strings cannot be null: '' removes the description, absent keeps it.
          description: body.description === null ? '' : body.description,
          entitlements: body.entitlements ?? [],
          replaceEntitlements: body.entitlements !== undefined,
          status: body.status ?? '',
        }),
      );
    },
  });

  api.add({
    method: 'delete',
    path: '/bundles/{id}',
    summary: 'Archive a bundle: it stays readable and keeps its subscriptions, but sells nothing new',
    tag: 'Catalog',
    auth: area('write'),
    params: IdParams,
    response: BundleSchema,
    errors: [404],
    async handler({ params }) {
      return presentBundle(await catalog.archiveBundle({ id: params.id }));
    },
  });

  api.add({
    method: 'post',
    path: '/bundles/{id}/prices',
    summary: 'Add an immutable price to a bundle (an archived bundle takes none: 409 `bundle_archived`)',
    tag: 'Catalog',
    auth: area('write'),
    params: IdParams,
    body: CreatePriceBody,
    response: PriceSchema,
    errors: [404],
    async handler({ params, body }) {
      return presentPrice(
        await catalog.createPrice({
          bundleId: params.id,
          currency: body.currency,
          amount: body.amount,
          unitAmountDecimal: body.unitAmountDecimal,
          strategy: body.strategy ?? '',
          tiersMode: body.tiersMode,
          tiers: tiersToProto(body.tiers),
          interval: body.interval,
          intervalCount: body.intervalCount ?? 0,
          setupFee: body.setupFee,
          trialDays: body.trialDays ?? 0,
          storefrontIds: body.storefrontIds ?? [],
          countries: body.countries ?? [],
        }),
      );
    },
  });

  api.add({
    method: 'get',
    path: '/bundles/{id}/prices',
    summary: "List a bundle's prices, newest first; `status` filters",
    tag: 'Catalog',
    auth: area('read'),
    params: IdParams,
    query: ListPricesQuery,
    response: PriceList,
    errors: [404],
    async handler({ params, query }) {
      return listResponse(
        await catalog.listPrices({ bundleId: params.id, page: pageOf(query), status: query.status ?? '' }),
        presentPrice,
      );
    },
  });

  api.add({
    method: 'get',
    path: '/prices/{id}',
    summary: 'Get a price, archived or not',
    tag: 'Catalog',
    auth: area('read'),
    params: IdParams,
    response: PriceSchema,
    errors: [404],
    async handler({ params }) {
      return presentPrice(await catalog.getPrice({ id: params.id }));
    },
  });

  api.add({
    method: 'get',
    path: '/prices/{id}/quote',
    summary: 'What one period of a price costs at a quantity (default 1), and whether it may be sold in a storefront or country',
    tag: 'Catalog',
    auth: area('read'),
    params: IdParams,
    query: QuoteQuery,
    response: PriceQuoteSchema,
    errors: [404],
    async handler({ params, query }) {
      return presentQuote(
        await catalog.quoteAmount({
          priceId: params.id,
          quantity: query.quantity ?? 1,
          storefrontId: query.storefrontId ?? '',
          country: query.country ?? '',
        }),
      );
    },
  });

  api.add({
    method: 'post',
    path: '/prices/{id}/archive',
    summary: 'Archive a price: no new subscription may start on it, existing ones go on (archiving again changes nothing)',
    tag: 'Catalog',
    auth: area('write'),
    params: IdParams,
    response: PriceSchema,
    status: 200,
    errors: [404],
    async handler({ params }) {
      return presentPrice(await catalog.archivePrice({ id: params.id }));
    },
  });
}
