import { type IncidentId, type IncidentScenario, incidentScenarios, primaryTable } from '@create-backend-portfolio/core';
import { mutate, type ProjectReader, type SolutionFile } from '../../solutions/kit.js';
import { type ProjectView, type ResourceView, resourceView } from '../../view/project.js';
import { faultPatches } from '../faults.js';

/**
 * The known fix of a drill, kept in this repository and never shipped: the code fix, a regression test
 * that fails on the faulty code, and a filled-in postmortem, as a learner who solved it would write them.
 */
export interface IncidentFix {
  files(view: ProjectView, read: ProjectReader): Promise<SolutionFile[]>;
}

/** What a fix module writes beyond the code: its test, and the facts its postmortem tells. */
export interface FixParts {
  /** The repaired method, replacing the faulty one; the scaffold's own by default. */
  readonly code?: (resource: ResourceView) => string;
  readonly test: (resource: ResourceView, view: ProjectView) => string;
  readonly postmortem: { readonly impact: string; readonly detection: string; readonly fix: string; readonly prevention: string };
}

const scenarioOf = (view: ProjectView, id: IncidentId): IncidentScenario => {
  const scenario = incidentScenarios(view.domain).find((candidate) => candidate.id === id);
  if (scenario === undefined) throw new Error(`no incident scenario ${id}`);
  return scenario;
};

export function knownFix(id: IncidentId, parts: FixParts): IncidentFix {
  return {
    async files(view, read) {
      const resource = resourceView(view.domain, primaryTable(view.domain).name);
      const fault = faultPatches(resource)[id];
      const scenario = scenarioOf(view, id);
      const code = mutate(await read(fault.file), fault.replace, parts.code?.(resource) ?? fault.find, `${id} fix`);
      return [
        { relative: fault.file, content: code },
        { relative: `test/${id}.incident.test.ts`, content: parts.test(resource, view) },
        { relative: `docs/incidents/${id}.md`, content: postmortem(scenario, parts.postmortem, `test/${id}.incident.test.ts`) },
      ];
    },
  };
}

/** A request id the postmortems quote, as if copied from the drill's log. */
const REQUEST_ID = '7c1e9a42-5b3d-4f60-8e21-d94a0b6c3f15';

function postmortem(scenario: IncidentScenario, text: FixParts['postmortem'], test: string): string {
  return [
    `# Postmortem: ${scenario.id}`,
    '',
    '## Summary',
    '',
    `${scenario.title}. A refactor of the repository caused it; a fix of that code, an hour later, ended it.`,
    '',
    '## Impact',
    '',
    text.impact,
    '',
    '## Timeline',
    '',
    '- 09:12 The refactor is merged and deployed.',
    `- 09:20 On-call gets the report: ${scenario.route} misbehaves under normal traffic.`,
    `- 09:35 The log lines of request id \`${REQUEST_ID}\` point at the repository.`,
    '- 09:50 Reproduced locally with the drill; the fix and its regression test are written.',
    '- 10:05 The fix is deployed and the symptom is gone under the same traffic.',
    '',
    '## Detection',
    '',
    text.detection,
    '',
    '## Root cause',
    '',
    `The ${scenario.cause} Following request id \`${REQUEST_ID}\` through the log showed it.`,
    '',
    '## Resolution',
    '',
    text.fix,
    '',
    '## Action items',
    '',
    `- ${test} reproduces the incident and fails on the faulty code (owner: backend, done).`,
    `- ${text.prevention}`,
    '',
  ].join('\n');
}
