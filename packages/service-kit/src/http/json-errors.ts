import type { ErrorRequestHandler, RequestHandler } from 'express';

import type { Logger } from '../logger';

/** body-parser's refusals (its error `type`), in words a client can act on. */
const BODY_REFUSALS: Record<string, string> = {
  'entity.parse.failed': 'the request body is not valid JSON',
  'entity.too.large': 'the request body is too large',
  'encoding.unsupported': 'the request body’s content encoding is not supported',
  'charset.unsupported': 'the request body’s charset is not supported',
  'request.aborted': 'the request body was not received in full',
  'request.size.invalid': 'the request body’s length differs from its Content-Length',
};

function errorBody(message: string, extensions: Record<string, unknown>) {
  return { errors: [{ message, extensions }] };
}

/** A path the server does not serve: JSON 404 (Express's own answer is an HTML page). */
export const jsonNotFound: RequestHandler = (_req, res) => {
  res.status(404).json(errorBody('not found', { code: 'NOT_FOUND' }));
};

/**
 * The last Express error handler: every error that reaches it is answered as JSON with a code,
 * never as Express's HTML page with the stack. A client's mistake (4xx: a malformed or oversized
 * body) says what was wrong; anything else is logged in full and masked.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    // Too late for an answer of our own; Express ends the response.
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, type, limit } = (error ?? {}) as {
      status?: unknown;
      type?: unknown;
      limit?: unknown;
    };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = (typeof type === 'string' && BODY_REFUSALS[type]) || 'bad request';
      res.status(status).json(
        errorBody(message, {
          code: 'BAD_REQUEST',
          ...(type === 'entity.too.large' ? { limit } : {}),
        }),
      );
      return;
    }
    logger.error({ err: error }, 'unexpected error');
    res.status(500).json(errorBody('Internal server error', { code: 'INTERNAL_SERVER_ERROR' }));
  };
}
