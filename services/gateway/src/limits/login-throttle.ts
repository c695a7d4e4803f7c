import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimiterFactory } from './limit-store';

/**
 * Login brute-force protection. Each failure for an (email, address) pair
 * slows the next answer a little more; after `maxFailures` the pair is locked
 * for `lockSeconds`, whether or not the email exists. An address that fails
 * across many emails is locked too. A success clears the pair. The counts are
 * the store's, so failures at one gateway replica count at the others.
 */
export class LoginThrottle {
  private readonly byPair: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(
    limiters: LimiterFactory,
    private readonly maxFailures: number,
    lockSeconds: number,
  ) {
    this.byPair = limiters({ keyPrefix: 'login_pair', points: maxFailures, duration: lockSeconds });
    this.byAddress = limiters({ keyPrefix: 'login_ip', points: maxFailures * 20, duration: lockSeconds });
  }

  private pair = (email: string, ip: string) => `${email.toLowerCase()}|${ip}`;

  /** Seconds to wait before trying again, or 0 when a login may be attempted. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const [pair, address] = await Promise.all([this.byPair.get(this.pair(email, ip)), this.byAddress.get(ip)]);
    const blocked = [
      pair && pair.consumedPoints >= this.maxFailures ? pair.msBeforeNext : 0,
      address && address.consumedPoints >= this.maxFailures * 20 ? address.msBeforeNext : 0,
    ];
    return Math.ceil(Math.max(...blocked) / 1000);
  }

  /** Records a failure; resolves to how long to hold the answer back. */
  async failed(email: string, ip: string): Promise<number> {
    const results = await Promise.allSettled([this.byPair.consume(this.pair(email, ip)), this.byAddress.consume(ip)]);
    const first = results[0];
    const failures = first.status === 'fulfilled' ? first.value.consumedPoints : this.maxFailures;
    return Math.min(250 * 2 ** (failures - 1), 2_000);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.byPair.delete(this.pair(email, ip));
  }
}
