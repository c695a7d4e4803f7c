import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  expires: number;
}

/**
 * Principals the tenant service established, kept briefly so that a busy
 * credential costs one gRPC hop per `ttlMs` instead of one per request.
 *
 * A revoked key or a changed user must be refused at once, so the cache is
 * only consulted while `live` — while the gateway hears the tenant service's
 * revocation events (see RevocationListener) — and every such event, like a
 * revocation made through this gateway, evicts the actor at once.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByActor = new Map<string, Set<string>>();
  live = false;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Principal | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.remove(key, entry.principal.actor.id);
      return undefined;
    }
    return entry.principal;
  }

  set(key: string, principal: Principal): void {
    if (!this.live) return;
    if (this.entries.size >= this.maxEntries) this.clear();
    this.entries.set(key, { principal, expires: this.now() + this.ttlMs });
    const keys = this.keysByActor.get(principal.actor.id) ?? new Set();
    keys.add(key);
    this.keysByActor.set(principal.actor.id, keys);
  }

  /** Forgets every cached principal of an API key or a user. */
  evictActor(actorId: string): void {
    for (const key of this.keysByActor.get(actorId) ?? []) this.entries.delete(key);
    this.keysByActor.delete(actorId);
  }

  clear(): void {
    this.entries.clear();
    this.keysByActor.clear();
  }

  /** Stops serving from the cache (the revocation feed is down) and forgets everything. */
  setLive(live: boolean): void {
    this.live = live;
    if (!live) this.clear();
  }

  private remove(key: string, actorId: string): void {
    this.entries.delete(key);
    this.keysByActor.get(actorId)?.delete(key);
  }
}
