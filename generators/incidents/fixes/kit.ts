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
  readonly postmortem: { readonly detection: string; readonly fix: string; readonly prevention: string };
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

function postmortem(scenario: IncidentScenario, text: FixParts['postmortem'], test: string): string {
  return [
    `# Postmortem: ${scenario.id}`,
    '',
    '## Summary',
    '',
    `${scenario.title}. It started with a refactor of the repository and ended when the fix below was deployed.`,
    '',
    '## Timeline',
    '',
    '- 09:12 UTC: the refactor is merged and deployed.',
    `- 09:20 UTC: on-call receives the report: ${scenario.route} is unhealthy.`,
    '- 09:35 UTC: the log lines of a few affected requests, found by request id, point at the repository.',
    '- 09:50 UTC: reproduced locally; the fix and its regression test are written.',
    '- 10:05 UTC: the fix is deployed and the symptom is gone under the same traffic.',
    '',
    '## Detection',
    '',
    text.detection,
    '',
    '## Root cause',
    '',
    `The ${scenario.cause}`,
    '',
    '## Fix',
    '',
    text.fix,
    '',
    '## Prevention',
    '',
    `${test} reproduces the incident and fails on the faulty code. ${text.prevention}`,
    '',
  ].join('\n');
}
