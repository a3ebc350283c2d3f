import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Router } from 'express';
import type { Knex } from 'knex';

export interface ResourceDeps {
  readonly db: Knex;
}

/** One API resource: where it is mounted, its routes, and how it appears in the OpenAPI document. */
export interface Resource {
  readonly path: string;
  readonly router: (deps: ResourceDeps) => Router;
  readonly document: (registry: OpenAPIRegistry, path: string) => void;
}
