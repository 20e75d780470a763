import type { Logger } from '@icc/core';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { IccError } from '@icc/core';
import { RateLimitedError } from './rate-limit';
import { toErrorBody } from './to-error-body';

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, body, unexpected } = toErrorBody(error);
    if (unexpected) logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    // A takeover completes within the lease's renewal period: a second is a fair first wait.
    else if (body.code === 'owner_unavailable') res.setHeader('Retry-After', '1');
    res.status(status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new IccError('not_found', `No route ${req.method} ${req.path}; see /v1/openapi.json`);
};
