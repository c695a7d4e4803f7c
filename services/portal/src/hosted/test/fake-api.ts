/**
 * A stand-in for the gateway's /hosted routes in component tests, given to
 * the pages through openapi-fetch's `fetch` option (HostedApiProvider). Each
 * route answers from a handler; every request is recorded with its headers
 * and JSON body, so a test can say what the page sent.
 */

export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export type Answer = { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;
type Handler = (request: Recorded) => Answer;

export const ok = (body: unknown, status = 200) => ({ status, body });
export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { type: `https://azotte.dev/problems/${code}`, title: code, status, detail: `${code} (test)`, code, ...extra },
});

export function fakeHostedApi(routes: Record<string, Handler>) {
  const requests: Recorded[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const text = await request.text();
    const recorded: Recorded = { method: request.method, path, headers: request.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(recorded);
    const handler = routes[`${request.method} ${path}`];
    const answer = handler ? await handler(recorded) : { status: 404, body: { status: 404, code: 'not_found', title: 'Not found' } };
    const json = answer.status >= 400;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': json ? 'application/problem+json' : 'application/json' },
    });
  };
  /** The requests to one route (`POST /hosted/checkout/complete`). */
  const sent = (route: string) => requests.filter((r) => `${r.method} ${r.path}` === route);
  return { fetch, requests, sent };
}

/** A promise the test settles itself: holds an answer back while it looks at the page in between. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
