import type { RequestHandler } from 'express';
import { HttpError } from './problem.js';

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A write with a body that is not JSON gets 415 instead of being silently read as empty. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (METHODS_WITH_BODY.has(req.method) && hasBody && !req.is('application/json')) {
    throw new HttpError(415, 'unsupported-media-type', 'Send the request body as application/json.');
  }
  next();
};
