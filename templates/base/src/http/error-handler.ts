import { STATUS_CODES } from 'node:http';
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

/**
 * Other client errors that Express's router and body-parser raise themselves, with a 4xx `status`: a path
 * parameter with a broken percent-encoding, a gzip body that does not inflate. Their messages name internals
 * ("Failed to decode param", "incorrect header check"), so the client gets a fixed sentence instead.
 */
function fromClientError(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, expose } = error as { status?: unknown; statusCode?: unknown; expose?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 400 || code > 499) return undefined;
  // The router gives the URIError of a parameter it cannot decode a 400, though not http-errors' `expose`.
  if (error instanceof URIError) return HttpError.badRequest('The URL contains an invalid percent-encoding.');
  // http-errors objects say with `expose` that the client caused them; anything else with a status stays a 500.
  if (expose !== true) return undefined;
  if (code === 400) return HttpError.badRequest('The request is malformed: its URL, headers or body could not be read.');
  const title = STATUS_CODES[code] ?? 'Client Error';
  return new HttpError(code, title.toLowerCase().replace(/[^a-z]+/g, '-'), `The request was refused: ${title.toLowerCase()}.`);
}

/** The client hung up before its body arrived: no one is left to read a response. */
function isClientAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'request.aborted';
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
    if (isClientAbort(error)) {
      // Nothing failed on this side, and the socket is gone: log it and write nothing.
      logger.info({ err: error }, 'client closed the connection before sending the whole request');
      return;
    }
    const known =
      error instanceof HttpError ? error : (fromBodyParserError(error) ?? fromDatabaseError(error) ?? fromClientError(error));
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
