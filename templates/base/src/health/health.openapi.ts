import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { jsonContent, problemSchema } from '../openapi/responses.js';

export function documentHealth(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    tags: ['health'],
    summary: 'Liveness: the process can serve HTTP',
    responses: { 200: { description: 'Alive', content: jsonContent(z.object({ status: z.literal('ok') })) } },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    tags: ['health'],
    summary: 'Readiness: the database answers and the instance is not shutting down',
    responses: {
      200: { description: 'Ready for traffic', content: jsonContent(z.object({ status: z.literal('ready') })) },
      503: {
        description: 'Shutting down, or the database did not answer in time',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    },
  });
}
