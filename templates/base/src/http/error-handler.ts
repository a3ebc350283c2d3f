import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { currentRequestId } from '../request-context.js';
import { fromDatabaseError } from './database-errors.js';
import { HttpError, toProblem } from './problem.js';

/** Errors raised by express.json() carry a `type` and a `status`. */
function fromBodyParserError(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch ((error as { type: unknown }).type) {
    case 'entity.parse.failed':
      return HttpError.badRequest('The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, 'payload-too-large', 'The request body is larger than this API accepts.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported-media-type', 'The request body encoding is not supported.');
    default:
      return undefined;
  }
}

export const notFoundHandler: RequestHandler = (req) => {
  throw HttpError.notFound(`No route matches ${req.method} ${req.path}.`);
};

export function errorHandler(logger: Logger, { exposeInternals }: { exposeInternals: boolean }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = error instanceof HttpError ? error : (fromBodyParserError(error) ?? fromDatabaseError(error));
    const httpError =
      known ??
      new HttpError(
        500,
        'internal',
        exposeInternals && error instanceof Error ? error.message : 'Something went wrong on our side. It has been logged.',
      );
    if (known === undefined) {
      logger.error({ err: error }, 'unhandled error');
    } else if (httpError.status >= 500) {
      logger.error({ err: error }, httpError.detail);
    }
    res
      .status(httpError.status)
      .type('application/problem+json')
      .json(toProblem(httpError, req.originalUrl, currentRequestId()));
  };
}
