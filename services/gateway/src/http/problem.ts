import { DomainError, ERROR_KINDS, infrastructureUnavailable, isDomainError, isTransientInfrastructureError, type FieldError } from '@azotte/common';
import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/** An RFC 9457 problem document, as every error leaves the gateway. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemOf(err: DomainError): Problem {
  const mapping = ERROR_KINDS[err.kind];
  return {
    type: `https://docs.azotte.dev/errors/${err.code}`,
    title: mapping.title,
    status: mapping.http,
    detail: err.message,
    code: err.code,
    // A declined payment names the provider's decline code as an extension too (Stripe's `decline_code`).
    ...(err.kind === 'payment_required' ? { declineCode: err.code } : {}),
    ...(err.fields.length > 0 ? { errors: err.fields } : {}),
  };
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Errors that body-parser raises before any route runs. */
function parserError(err: { type?: string; status?: number; limit?: number }): DomainError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new DomainError('invalid_argument', 'malformed_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new DomainError('payload_too_large', 'payload_too_large', `The request body exceeds ${err.limit} bytes.`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError('invalid_argument', 'unsupported_encoding', 'The request body encoding is not supported.');
    default:
      return err.status && err.status >= 400 && err.status < 500
        ? new DomainError('invalid_argument', 'bad_request', 'The request could not be read.')
        : undefined;
  }
}

/**
 * The one place where failures become HTTP: a DomainError (from a route or
 * from a service, across gRPC) maps through ERROR_KINDS; anything else is a
 * bug, logged with its stack and answered with a bare 500.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const domain = isDomainError(err)
      ? err
      : isTransientInfrastructureError(err)
        ? infrastructureUnavailable()
        : parserError(err as { type?: string });
    if (domain) {
      if (domain.kind === 'unavailable') logger.warn({ code: domain.code, path: req.path }, domain.message);
      return sendProblem(res, problemOf(domain));
    }
    logger.error({ err, method: req.method, path: req.path }, 'unhandled error');
    sendProblem(res, problemOf(new DomainError('internal', 'internal_error', 'An internal error occurred.')));
  };
}
