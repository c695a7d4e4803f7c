import type { catalogV1 } from '@azotte/proto';

// Proto carries enumerations as documented strings; the catalog service guarantees their values.
type BundleStatus = 'draft' | 'active' | 'archived';
type Strategy = 'flat' | 'per_unit' | 'tiered';
type TiersMode = 'graduated' | 'volume';
type Interval = 'day' | 'week' | 'month' | 'year';

/** Proto messages as API.md's JSON: absent optionals are null. */
export const presentBundle = (b: catalogV1.Bundle) => ({
  id: b.id,
  name: b.name,
  description: b.description ?? null,
  status: b.status as BundleStatus,
  entitlements: b.entitlements.map((e) => ({ key: e.key, value: e.value as boolean | number | string })),
  environmentId: b.environmentId,
  createdAt: b.createdAt ?? null,
  updatedAt: b.updatedAt ?? null,
  archivedAt: b.archivedAt ?? null,
});

const presentTier = (t: catalogV1.Tier) => ({
  upTo: t.upTo ?? null,
  unitAmount: t.unitAmount ?? null,
  unitAmountDecimal: t.unitAmountDecimal ?? null,
  flatAmount: t.flatAmount ?? null,
});

export const presentPrice = (p: catalogV1.Price) => ({
  id: p.id,
  bundleId: p.bundleId,
  status: p.status as 'active' | 'archived',
  currency: p.currency,
  strategy: p.strategy as Strategy,
  amount: p.amount ?? null,
  unitAmountDecimal: p.unitAmountDecimal ?? null,
  tiersMode: (p.tiersMode ?? null) as TiersMode | null,
  tiers: p.strategy === 'tiered' ? p.tiers.map(presentTier) : null,
  interval: p.interval as Interval,
  intervalCount: p.intervalCount,
  setupFee: p.setupFee ?? null,
  trialDays: p.trialDays,
  storefrontIds: p.storefrontIds,
  countries: p.countries,
  environmentId: p.environmentId,
  createdAt: p.createdAt ?? null,
  archivedAt: p.archivedAt ?? null,
});

export const presentQuote = (q: catalogV1.Quote) => ({
  priceId: q.priceId,
  bundleId: q.bundleId,
  currency: q.currency,
  quantity: q.quantity,
  amount: q.amount,
  setupFee: q.setupFee,
  interval: q.interval as Interval,
  intervalCount: q.intervalCount,
  trialDays: q.trialDays,
  strategy: q.strategy as Strategy,
  sellable: q.sellable,
  unsellableReason: q.sellable ? null : q.unsellableReason || null,
});
