import { secondsSince, type HttpServerMetrics } from '@azotte/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route template that answered (`/api/v1/customers/:id`), never the raw
 * path: a path holds ids. A request no route matched (the portal's files, a
 * 404) has none, and so no `http_route` label, as OpenTelemetry says.
 */
function routeOf(req: Request): string | undefined {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : undefined;
}

/** Times every request; mounted first, it sees each response as it finishes. */
export function recordHttpMetrics(metrics: HttpServerMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = routeOf(req);
      metrics.observe(
        {
          // Any other method would be a label value a client chooses.
          http_request_method: KNOWN_METHODS.has(req.method) ? req.method : '_OTHER',
          ...(route ? { http_route: route } : {}),
          http_response_status_code: res.statusCode,
        },
        secondsSince(start),
      );
    });
    next();
  };
}
