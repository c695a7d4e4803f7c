import type { Logger } from 'pino';
import type { Clients } from '../clients';

/**
 * Counts API calls per tenant and month, and hands the counts to the tenant
 * service in batches (every few seconds, and at shutdown) rather than one call
 * per request. A batch that cannot be delivered is kept for the next flush.
 */
export class UsageCounter {
  private counts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly clients: Clients,
    private readonly logger: Logger,
    private readonly flushMs = 5_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  count(tenantId: string, at = new Date()): void {
    const key = `${tenantId}|${at.toISOString().slice(0, 7)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  async flush(): Promise<void> {
    if (this.counts.size === 0) return;
    const batch = this.counts;
    this.counts = new Map();
    const counts = [...batch].map(([key, calls]) => {
      const [tenantId, month] = key.split('|') as [string, string];
      return { tenantId, month, calls };
    });
    try {
      await this.clients.tenant.recordApiCalls({ counts }, { context: { actor: { type: 'system', id: 'gateway', role: 'system' } } });
    } catch (err) {
      for (const [key, n] of batch) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      this.logger.warn({ err }, 'usage counts not delivered; will retry');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
