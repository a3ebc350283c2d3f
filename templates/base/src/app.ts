import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Knex } from 'knex';
import type { Config } from './config.js';
import { healthRouter } from './health/health.router.js';
import { accessLog } from './http/access-log.js';
import { errorHandler, notFoundHandler } from './http/error-handler.js';
import { HttpError } from './http/problem.js';
import { requestId } from './http/request-id.js';
import { requireJson } from './http/require-json.js';
import type { Lifecycle } from './lifecycle.js';
import type { Logger } from './logger.js';
import { buildOpenApiDocument } from './openapi/document.js';
import { openApiRouter } from './openapi/openapi.router.js';
import { apiRouter, resources } from './routes.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Knex;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
}

export function createApp({ config, db, logger, lifecycle }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // A hop count, never `true`: with `true` any client could set its own IP through X-Forwarded-For.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);

  app.use(requestId);
  app.use(accessLog(logger));
  app.use(lifecycle.trackResponses);
  app.use(helmet());
  app.use(healthRouter({ db, lifecycle, timeoutMs: config.READINESS_TIMEOUT_MS }));

  // No origins configured means no cross-origin access: without CORS headers the browser refuses.
  if (config.CORS_ORIGINS.length > 0) app.use(cors({ origin: config.CORS_ORIGINS }));
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new HttpError(429, 'too-many-requests', 'Too many requests; slow down and retry later.')),
    }),
  );
  app.use(openApiRouter(buildOpenApiDocument(resources)));
  app.use(requireJson);
  app.use(express.json({ limit: config.BODY_LIMIT }));
  app.use(apiRouter({ db }));

  app.use(notFoundHandler);
  app.use(errorHandler(logger, { exposeInternals: config.NODE_ENV === 'development' }));
  return app;
}
