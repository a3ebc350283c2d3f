import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { runWithRequestContext } from '../request-context.js';

const SAFE_ID = /^[\w.:-]{1,128}$/;

/** Takes the caller's X-Request-Id when it is sane, otherwise makes one, and echoes it back. */
export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  const id = incoming !== undefined && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  runWithRequestContext({ requestId: id }, next);
};
