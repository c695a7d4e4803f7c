import { DomainError } from '@azotte/common';
import type { Request } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for requests authenticated by the
 * session cookie (a Bearer credential cannot be sent by another site, so it
 * needs none). SameSite=Strict already keeps the cookie off cross-site
 * requests in current browsers; as a second guard, a state-changing request
 * must say where it comes from — an `Origin` equal to the gateway's own (or
 * one of `trustedOrigins`, e.g. the Vite dev server), or, from a browser that
 * sends no Origin, `Sec-Fetch-Site: same-origin` — OWASP's "verifying origin
 * with standard headers".
 */
export function checkSameOrigin(req: Request, trustedOrigins: readonly string[]): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.header('origin');
  if (origin !== undefined) {
    const own = `${req.protocol}://${req.get('host')}`;
    if (origin === own || trustedOrigins.includes(origin)) return;
    throw refused(`The request comes from ${origin}, not from this site.`);
  }
  if (req.header('sec-fetch-site') === 'same-origin') return;
  throw refused('A request signed in by the session cookie must carry an Origin header.');
}

const refused = (detail: string) => new DomainError('permission_denied', 'cross_site_request_refused', detail);
