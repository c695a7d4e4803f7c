import { DomainError } from '@azotte/common';
import type { Response } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../auth/principal';
import type { LimiterFactory } from './limit-store';

/**
 * A limit of requests per minute per key, with the IETF RateLimit headers on
 * every answer and Retry-After on a 429. The counters are the store's
 * (limit-store.ts): shared by every gateway replica unless it is `memory`.
 */
export class RateLimit {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    limiters: LimiterFactory,
    prefix: string,
    private readonly perMinute: number,
    private readonly what: string,
  ) {
    this.limiter = limiters({ keyPrefix: prefix, points: perMinute, duration: 60 });
  }

  async check(key: string, res: Response): Promise<void> {
    try {
      const r = await this.limiter.consume(key);
      this.headers(res, r);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      this.headers(res, err);
      res.setHeader('Retry-After', String(Math.ceil(err.msBeforeNext / 1000)));
      throw new DomainError('rate_limited', 'rate_limited', `Rate limit of ${this.perMinute} requests per minute ${this.what} exceeded.`);
    }
  }

  private headers(res: Response, r: RateLimiterRes): void {
    res.setHeader('RateLimit-Limit', String(this.perMinute));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, r.remainingPoints)));
    res.setHeader('RateLimit-Reset', String(Math.ceil(r.msBeforeNext / 1000)));
  }
}

/** Per-credential limits: each API key and each user on its own. */
export class CredentialRateLimiter {
  private readonly limit: RateLimit;

  constructor(limiters: LimiterFactory, perMinute: number) {
    this.limit = new RateLimit(limiters, 'credential', perMinute, 'per credential');
  }

  check(principal: Principal, res: Response): Promise<void> {
    return this.limit.check(`${principal.actor.type}:${principal.actor.id}`, res);
  }
}
