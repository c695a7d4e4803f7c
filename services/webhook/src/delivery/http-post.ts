import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, refusedAddress, type AddressPolicy } from '../domain/address-rules';
import type { Resolver } from './resolver';

/** At most this much of a response is read; the rest is cut off. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** What is kept of a response body for the attempt's record. */
export const KEPT_RESPONSE_BYTES = 1024;

export interface PostResult {
  ok: boolean;
  status?: number;
  /** Why it failed; undefined on success. */
  error?: string;
  /** The first KEPT_RESPONSE_BYTES of the body, as text. */
  body: string;
  durationMs: number;
  /** Retry-After of a 429 or 503. */
  retryAfter?: string;
}

// Keep-alive agents shared by every delivery: a socket is reused only for the host and port it was
// opened to, after that address was checked.
// The most recently used socket first (lifo), the one least likely to have been closed by the receiver.
const agentOptions = { keepAlive: true, scheduling: 'lifo' as const };
const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

/**
 * POSTs `body` to `url` once: resolves the host, refuses under the policy if
 * any address is not public, and connects to the address checked (the pinned
 * `lookup` answers it; no second resolution, so no DNS rebinding). Success is
 * a 2xx within `timeoutMs`; a redirect is a failure and is never followed; at
 * most 64 kB of the answer is read.
 */
export async function postOnce(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: AddressPolicy;
  resolve: Resolver;
}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(options.url);
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = await withTimeout(options.resolve(host), options.timeoutMs, 'name resolution');
  } catch (err) {
    return { ok: false, error: `could not resolve ${host}: ${(err as Error).message}`, body: '', durationMs: elapsed() };
  }
  if (addresses.length === 0) return { ok: false, error: `${host} resolves to no address`, body: '', durationMs: elapsed() };
  const refused = refusedAddress(addresses, options.policy);
  if (refused) return { ok: false, error: `address ${refused.address} is not public (${refused.reason})`, body: '', durationMs: elapsed() };
  const pinned = addresses[0]!;
  const family = isIP(pinned);
  const lookup: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: pinned, family }]);
    else callback(null, pinned, family);
  };

  const secure = url.protocol === 'https:';
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = (secure ? https : http).request(
      {
        protocol: url.protocol,
        hostname: host,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...options.headers, 'content-length': Buffer.byteLength(options.body) },
        agent: secure ? agents.https : agents.http,
        // An IP literal connects to itself (checked above); a name connects to the address checked.
        lookup: isIP(host) ? undefined : lookup,
        servername: secure && !isIP(host) ? host : undefined,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let read = 0;
        const done = () => {
          const text = Buffer.concat(chunks).subarray(0, KEPT_RESPONSE_BYTES).toString('utf8');
          const retryAfter = status === 429 || status === 503 ? header(response.headers['retry-after']) : undefined;
          if (status >= 200 && status < 300) finish({ ok: true, status, body: text });
          else if (status >= 300 && status < 400) finish({ ok: false, status, error: `redirect (${status}) not followed`, body: text });
          else finish({ ok: false, status, error: `answered ${status}`, body: text, retryAfter });
        };
        response.on('data', (chunk: Buffer) => {
          if (read < KEPT_RESPONSE_BYTES) chunks.push(chunk);
          read += chunk.length;
          if (read >= MAX_RESPONSE_BYTES) {
            // Cut off: the rest is never read, so the socket cannot be reused.
            done();
            response.destroy();
          }
        });
        // A response read to its end leaves its socket to the keep-alive agent: a busy endpoint is
        // sent to over a few reused connections, not a new one (and a TIME_WAIT port) per delivery.
        response.on('end', done);
        response.on('error', () => {
          done();
          response.destroy();
        });
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, error: `timeout after ${options.timeoutMs} ms`, body: '' });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (err: NodeJS.ErrnoException) => finish({ ok: false, error: err.code ? `${err.code}: ${err.message}` : err.message, body: '' }));
    request.end(options.body);
  });
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
