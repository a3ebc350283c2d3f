import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { OpenApiDocument } from './document.js';

const uiOptions = { swaggerOptions: { url: '/openapi.json' } };

/** The machine-readable contract at /openapi.json and a browsable UI for it at /docs. */
export function openApiRouter(document: OpenApiDocument): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs', swaggerUi.serveFiles(undefined, uiOptions), swaggerUi.setup(undefined, uiOptions));
  return router;
}
