import path from 'node:path';
import { contentFile, type Feature, templateFolder } from '../kit.js';
import { incidentsFile } from './view.js';

/**
 * Incident drills: `pnpm incident list|start|hint|check|reset` in `incidents/`, the data of this
 * domain's drills in `incidents/scenarios.json`, and the postmortem template in `docs/incidents/`.
 */
export const incidents: Feature = {
  name: 'incidents',
  async files(context) {
    const copied = await templateFolder(context, 'incidents');
    const data = contentFile(path.join(context.destination, 'incidents', 'scenarios.json'), `${JSON.stringify(incidentsFile(context.view), null, 2)}\n`);
    return [...copied, data];
  },
};
