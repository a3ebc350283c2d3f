import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Response } from 'supertest';
import { buildOpenApiDocument, type OpenApiDocument } from '../../src/openapi/document.js';
import { resources } from '../../src/routes.js';

export const document: OpenApiDocument = buildOpenApiDocument(resources);

// OpenAPI 3.1 schemas are JSON Schema 2020-12. The document is added whole, so `$ref`s resolve.
const ajv = new Ajv2020({ strict: false, allErrors: true });
formats.default(ajv);
ajv.addSchema(document, 'openapi');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Operation {
  readonly method: Method;
  readonly path: string;
  readonly pattern: RegExp;
}

/** Every operation the document describes, with a pattern that matches its concrete URLs. */
export const operations: readonly Operation[] = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  METHODS.filter((method) => item?.[method] !== undefined).map((method) => ({
    method,
    path,
    pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  })),
);

const pointer = (...segments: string[]) =>
  segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/**
 * What is wrong with one response, measured against the OpenAPI document: an undocumented route or
 * status, the wrong media type, or a body that does not match the schema. Empty means it conforms.
 */
export function contractViolations(res: Response): string[] {
  // superagent keeps the Node request on the response; its types do not say so.
  const request = (res as unknown as { req: { method: string; path: string } }).req;
  const method = request.method.toLowerCase();
  const path = new URL(request.path, 'http://localhost').pathname;
  const where = `${request.method} ${path} → ${res.status}`;
  const operation = operations.find((candidate) => candidate.method === method && candidate.pattern.test(path));
  if (operation === undefined) return [`${where}: no operation in /openapi.json matches`];

  const responses = document.paths?.[operation.path]?.[operation.method]?.responses ?? {};
  const documented = responses[String(res.status)] as { content?: Record<string, unknown> } | undefined;
  if (documented === undefined) return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')})`];
  if (documented.content === undefined) return [];

  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0] ?? '';
  if (!(mediaType in documented.content)) {
    return [`${where}: content type ${mediaType || '(none)'} is not one of ${Object.keys(documented.content).join(', ')}`];
  }
  const ref = `openapi#/${pointer('paths', operation.path, operation.method, 'responses', String(res.status), 'content', mediaType, 'schema')}`;
  const validate = ajv.getSchema(ref);
  if (validate === undefined) return [`${where}: cannot resolve ${ref}`];
  if (validate(res.body)) return [];
  return (validate.errors ?? []).map((error) => `${where}: body${error.instancePath} ${error.message ?? 'is invalid'}`);
}

/** A supertest assertion: `.expect(conformsToContract)`. */
export function conformsToContract(res: Response): void {
  const violations = contractViolations(res);
  if (violations.length > 0) throw new Error(`Response breaks the OpenAPI contract:\n  ${violations.join('\n  ')}`);
}
