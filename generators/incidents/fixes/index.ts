import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INCIDENT_IDS, type IncidentId } from '@create-backend-portfolio/core';
import { loadByName } from '../../solutions/kit.js';
import type { IncidentFix } from './kit.js';

export type { IncidentFix } from './kit.js';

/** The known fixes, one module per drill named after its id, found by name like the milestone solutions. */
export function loadIncidentFixes(): Promise<Map<IncidentId, IncidentFix>> {
  return loadByName<IncidentId, IncidentFix>(path.dirname(fileURLToPath(import.meta.url)), INCIDENT_IDS);
}
