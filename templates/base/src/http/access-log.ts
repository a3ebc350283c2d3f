import { AsyncResource } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/** One line per request, written when the response finishes, inside the request's context so it carries the request id. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on(
      'finish',
      AsyncResource.bind(() => {
        const status = res.statusCode;
        const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
        logger[level](
          { method: req.method, path: req.originalUrl, status, durationMs: Math.round(performance.now() - started) },
          'request completed',
        );
      }),
    );
    next();
  };
}
