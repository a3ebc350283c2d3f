import type { ResponseConfig, ZodContentObject } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem details document.' });

const DESCRIPTIONS = {
  400: 'The request is malformed or fails validation; `errors` names each bad field.',
  404: 'No record has this id.',
  409: 'The change conflicts with existing data, such as a value that must be unique.',
  413: 'The request body is larger than the configured limit.',
  415: 'The request body is not JSON.',
  422: 'The values are well formed but break a rule of the data model, such as a missing referenced record.',
  429: 'Too many requests from this client; retry after the time in the RateLimit header.',
  500: 'An unexpected failure. The response carries no internals; the request id finds the logs.',
  503: 'This instance cannot serve the request right now.',
} as const;

export type ErrorStatus = keyof typeof DESCRIPTIONS;

export function jsonContent(schema: z.ZodType): ZodContentObject {
  return { 'application/json': { schema } };
}

/** Problem responses for the given statuses, plus the two every API route can give: 429 and 500. */
export function problemResponses(...statuses: ErrorStatus[]): Record<number, ResponseConfig> {
  const all = new Set<ErrorStatus>([...statuses, 429, 500]);
  return Object.fromEntries(
    [...all].map((status) => [
      status,
      { description: DESCRIPTIONS[status], content: { 'application/problem+json': { schema: problemSchema } } },
    ]),
  );
}
