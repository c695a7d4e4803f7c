import type { Logger } from '@azotte/common';
import { Client } from 'pg';
import type { Deps } from '../domain/deps';
import { webhookHeaders } from '../domain/signing';
import { deliveriesChannel } from '../store/migrations/001_init';
import { postOnce, type PostResult } from './http-post';
import { recordAttempt } from './record-attempt';

export interface DispatcherOptions {
  databaseUrl: string;
  schema: string;
  /** Deliveries in flight at once in this process. */
  concurrency: number;
  /** Deliveries in flight at once to one endpoint from this process. */
  perEndpoint: number;
  /** Sweeps for due retries this often, besides the wake-up when deliveries are inserted. */
  pollMs: number;
}

/** A delivery taken by this process, with what its attempt needs. */
export interface Claimed {
  id: string;
  endpoint_id: string;
  event_id: string;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  body: string;
}

/**
 * The delivery workers of one process. Due deliveries are taken with
 * `FOR UPDATE SKIP LOCKED` (any number of replicas share them, none takes a
 * row another holds) and leased: `next_attempt_at` moves past the attempt's
 * timeout, so a process that dies mid-attempt leaves the delivery to be taken
 * again when the lease ends (at least once). At most `concurrency` are in
 * flight, and at most `perEndpoint` per endpoint: an endpoint at its bound is
 * left out of the next claim, so a slow or dead one never holds a slot
 * another endpoint's delivery could use.
 */
export class Dispatcher {
  private inFlight = 0;
  private readonly byEndpoint = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private listener: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: Deps,
    private readonly options: DispatcherOptions,
    private readonly logger: Logger = deps.logger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen().catch((err) => this.logger.warn({ err }, 'deliveries LISTEN failed; polling only'));
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.kick());
    client.on('error', (err) => {
      this.logger.warn({ err }, 'deliveries LISTEN connection lost');
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN "${deliveriesChannel(this.options.schema)}"`);
    this.listener = client;
  }

  /** Asks for a claim pass; passes never overlap, and a kick during one causes another. */
  kick(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.claimWhileFree()
      .catch((err) => this.logger.warn({ err }, 'delivery claim failed; will retry'))
      .finally(() => {
        this.pass = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async claimWhileFree(): Promise<void> {
    for (;;) {
      const free = this.options.concurrency - this.inFlight;
      if (free <= 0 || this.stopped) return;
      const busy = [...this.byEndpoint].filter(([, n]) => n >= this.options.perEndpoint).map(([id]) => id);
      const { taken, fetched } = await this.claim(free, busy);
      // Counted only once the lease has committed (a claim that failed to commit took nothing).
      for (const delivery of taken) {
        this.reserve(delivery.endpoint_id);
        this.launch(delivery);
      }
      // Nothing more is due (or everything due belongs to endpoints at their bound).
      if (fetched === 0) return;
    }
  }

  /**
   * Takes up to `free` due deliveries of enabled endpoints not in `busy`, at
   * most up to each endpoint's bound, and leases them. Rows over an endpoint's
   * bound are left for later (their locks go with the transaction).
   */
  private async claim(free: number, busy: string[]): Promise<{ taken: Claimed[]; fetched: number }> {
    const { db, clock, timeoutMs } = this.deps;
    return db.transaction(async (trx) => {
      const now = clock.now();
      // Ids first (the rows over an endpoint's bound are only looked at), what an attempt needs for the taken ones.
      const due = (await trx('deliveries as d')
        .join('endpoints as e', 'e.id', 'd.endpoint_id')
        .where('d.status', 'pending')
        .andWhere('d.next_attempt_at', '<=', now)
        .andWhere('e.status', 'enabled')
        .modify((q) => {
          if (busy.length > 0) q.whereNotIn('d.endpoint_id', busy);
        })
        .orderBy('d.next_attempt_at')
        .limit(free)
        .forUpdate('d')
        .skipLocked()
        .select('d.id', 'd.endpoint_id')) as { id: string; endpoint_id: string }[];
      const counts = new Map(this.byEndpoint);
      const takenIds = due
        .filter((row) => {
          const n = counts.get(row.endpoint_id) ?? 0;
          if (n >= this.options.perEndpoint) return false;
          counts.set(row.endpoint_id, n + 1);
          return true;
        })
        .map((row) => row.id);
      if (takenIds.length === 0) return { taken: [], fetched: due.length };
      // The lease: past the attempt's timeout, with room for recording it.
      const lease = new Date(now.getTime() + timeoutMs + 30_000);
      await trx('deliveries').whereIn('id', takenIds).update({ next_attempt_at: lease, updated_at: now });
      const taken = (await trx('deliveries as d')
        .join('endpoints as e', 'e.id', 'd.endpoint_id')
        .join('events as v', 'v.id', 'd.event_id')
        .whereIn('d.id', takenIds)
        .select(
          'd.id',
          'd.endpoint_id',
          'd.event_id',
          'e.url',
          'e.secret_sealed',
          'e.previous_secret_sealed',
          'e.previous_secret_expires_at',
          'v.body',
        )) as Claimed[];
      return { taken, fetched: due.length };
    });
  }

  private reserve(endpointId: string): void {
    this.inFlight += 1;
    this.byEndpoint.set(endpointId, (this.byEndpoint.get(endpointId) ?? 0) + 1);
  }

  private release(endpointId: string): void {
    this.inFlight -= 1;
    const n = (this.byEndpoint.get(endpointId) ?? 1) - 1;
    if (n <= 0) this.byEndpoint.delete(endpointId);
    else this.byEndpoint.set(endpointId, n);
  }

  private launch(delivery: Claimed): void {
    const work = this.attempt(delivery)
      .catch((err) => this.logger.error({ err, deliveryId: delivery.id }, 'delivery attempt not recorded; its lease will make it due again'))
      .finally(() => {
        this.running.delete(work);
        this.release(delivery.endpoint_id);
        this.kick();
      });
    this.running.add(work);
  }

  private async attempt(delivery: Claimed): Promise<void> {
    const { secrets, clock, policy, resolve, timeoutMs } = this.deps;
    const at = clock.now();
    const signing = [secrets.open(delivery.secret_sealed, delivery.endpoint_id)];
    if (delivery.previous_secret_sealed && delivery.previous_secret_expires_at && new Date(delivery.previous_secret_expires_at) > at) {
      signing.push(secrets.open(delivery.previous_secret_sealed, delivery.endpoint_id));
    }
    let result: PostResult;
    try {
      result = await postOnce({ url: delivery.url, headers: webhookHeaders(signing, delivery.event_id, at, delivery.body), body: delivery.body, timeoutMs, policy, resolve });
    } catch (err) {
      result = { ok: false, error: (err as Error).message, body: '', durationMs: 0 };
    }
    const outcome = await recordAttempt(this.deps, delivery, at, result);
    if (outcome) this.deps.metrics?.attempted(outcome);
    if (!result.ok) this.logger.info({ deliveryId: delivery.id, endpointId: delivery.endpoint_id, status: result.status, error: result.error }, 'delivery attempt failed');
  }

  /** Stops claiming and waits for the attempts in flight (each ends by its timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.pass;
    await Promise.allSettled([...this.running]);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }
}
