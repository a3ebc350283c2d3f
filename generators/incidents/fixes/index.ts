import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCIDENT_IDS, type IncidentId } from '@create-backend-portfolio/core';
import type { IncidentFix } from './kit.js';

export type { IncidentFix } from './kit.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The known fixes, one module per drill named after its id, found by name like the milestone solutions. */
export async function loadIncidentFixes(): Promise<Map<IncidentId, IncidentFix>> {
  const found = new Map<IncidentId, IncidentFix>();
  for (const id of INCIDENT_IDS) {
    const file = path.join(here, `${id}.ts`);
    if (existsSync(file)) found.set(id, ((await import(file)) as { default: IncidentFix }).default);
  }
  return found;
}
