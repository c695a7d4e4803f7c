import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { Logger } from 'pino';

type Setup = (conn: ChannelModel) => Promise<void>;

export interface BusConnectionOptions {
  url: string;
  /** Shown in the broker's management UI. */
  name: string;
  logger: Logger;
  /** First and longest wait between reconnection attempts. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * One AMQP connection that comes back by itself. Components register a setup
 * function (declare topology, open channels, start consuming) that runs on
 * every (re)connection; a lost connection is retried with exponential backoff
 * and jitter until `close()`.
 */
export class BusConnection {
  private conn: ChannelModel | undefined;
  private readonly setups: Setup[] = [];
  private closing = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;
  private readonly waiters: Array<() => void> = [];
  private readonly listeners: Array<(connected: boolean) => void> = [];

  constructor(private readonly options: BusConnectionOptions) {}

  get connected(): boolean {
    return this.conn !== undefined;
  }

  /**
   * A plain channel on the current connection for a one-off look (a passive
   * queue check), or undefined while disconnected. The caller closes it; a
   * channel the broker closes (a 404) is ignored rather than reported.
   */
  async openChannel(): Promise<Channel | undefined> {
    const channel = await this.conn?.createChannel();
    channel?.on('error', () => undefined);
    return channel;
  }

  /** Adds a setup; if connected, runs it at once too. */
  async use(setup: Setup): Promise<void> {
    this.setups.push(setup);
    if (this.conn) await setup(this.conn);
  }

  /** Starts connecting; resolves at the first successful connection or rejects if that fails. */
  start(): Promise<void> {
    this.closing = false;
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  /** Starts connecting in the background, retrying until it succeeds. */
  startInBackground(): void {
    this.start().catch(() => this.scheduleReconnect());
  }

  /** Calls `listener` whenever the connection comes up or goes down (health reporting). */
  onChange(listener: (connected: boolean) => void): void {
    this.listeners.push(listener);
  }

  private changed(connected: boolean): void {
    for (const listener of this.listeners) listener(connected);
  }

  /** Resolves once connected (now, or after a reconnection). */
  whenConnected(): Promise<void> {
    if (this.conn) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async connect(): Promise<void> {
    const { url, name, logger } = this.options;
    const conn = await amqp.connect(url, { clientProperties: { connection_name: name } });
    conn.on('error', (err) => logger.warn({ err }, 'bus connection error'));
    conn.on('close', () => {
      if (this.conn !== conn) return;
      this.conn = undefined;
      this.changed(false);
      if (!this.closing) {
        logger.warn('bus connection lost; reconnecting');
        this.scheduleReconnect();
      }
    });
    try {
      for (const setup of this.setups) await setup(conn);
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
    // Closed while this attempt was under way: the connection would outlive its owner.
    if (this.closing) {
      await closeOrDestroy(conn);
      return;
    }
    this.conn = conn;
    this.attempt = 0;
    logger.info({ name }, 'bus connected');
    for (const resolve of this.waiters.splice(0)) resolve();
    this.changed(true);
  }

  private scheduleReconnect(): void {
    if (this.closing || this.timer) return;
    const { minBackoffMs = 200, maxBackoffMs = 15_000, logger } = this.options;
    const ceiling = Math.min(maxBackoffMs, minBackoffMs * 2 ** this.attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start().catch((err) => {
        logger.debug({ err, attempt: this.attempt }, 'bus reconnection failed');
        this.scheduleReconnect();
      });
    }, delay);
    this.timer.unref();
  }

  /** Stops reconnecting and closes the connection, waiting for an attempt under way to end first. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.connecting?.catch(() => undefined);
    const conn = this.conn;
    this.conn = undefined;
    if (conn) await closeOrDestroy(conn);
  }
}

/**
 * Closes politely, but a connection whose socket already died never gets its
 * close-ok: after a short wait, the socket is destroyed instead.
 */
async function closeOrDestroy(conn: ChannelModel, waitMs = 2_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), waitMs);
  });
  const outcome = await Promise.race([conn.close().catch(() => 'failed' as const), gaveUp]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    (conn as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}
