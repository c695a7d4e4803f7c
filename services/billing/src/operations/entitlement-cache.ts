import type { Scope } from '@azotte/common';

interface Entry<T> {
  value: T;
  expires: number;
}

/**
 * Two in-process caches behind `GET /customers/{id}/entitlements`: a
 * customer's answer, dropped whenever one of their subscriptions changes
 * (here, or on another replica: billing consumes its own subscription
 * events), and each bundle's entitlements, dropped on
 * `catalog.bundle.updated/archived`. A TTL bounds how long a missed
 * invalidation could last.
 */
export class EntitlementCache {
  private readonly customers = new Map<string, Entry<unknown>>();
  private readonly bundles = new Map<string, Entry<unknown>>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 100_000,
  ) {}

  private static key(scope: Pick<Scope, 'tenantId' | 'environmentId'>, id: string) {
    return `${scope.tenantId}/${scope.environmentId}/${id}`;
  }

  private get<T>(map: Map<string, Entry<unknown>>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      map.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  private set(map: Map<string, Entry<unknown>>, key: string, value: unknown) {
    if (map.size >= this.maxEntries) map.delete(map.keys().next().value!);
    map.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  customer<T>(scope: Scope, customerId: string): T | undefined {
    return this.get<T>(this.customers, EntitlementCache.key(scope, customerId));
  }

  setCustomer(scope: Scope, customerId: string, value: unknown): void {
    this.set(this.customers, EntitlementCache.key(scope, customerId), value);
  }

  bundle<T>(scope: Scope, bundleId: string): T | undefined {
    return this.get<T>(this.bundles, EntitlementCache.key(scope, bundleId));
  }

  setBundle(scope: Scope, bundleId: string, value: unknown): void {
    this.set(this.bundles, EntitlementCache.key(scope, bundleId), value);
  }

  forgetCustomer(scope: Pick<Scope, 'tenantId' | 'environmentId'>, customerId: string): void {
    this.customers.delete(EntitlementCache.key(scope, customerId));
  }

  /** A bundle changed: its entitlements and every customer answer that may hold them go. */
  forgetBundle(scope: Pick<Scope, 'tenantId' | 'environmentId'>, bundleId: string): void {
    this.bundles.delete(EntitlementCache.key(scope, bundleId));
    const prefix = `${scope.tenantId}/${scope.environmentId}/`;
    for (const key of this.customers.keys()) if (key.startsWith(prefix)) this.customers.delete(key);
  }
}
