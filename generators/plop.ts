import nodePlop, { type ActionType } from 'node-plop';
import { json, lowercase, string } from './helpers.js';

export class RenderError extends Error {
  constructor(readonly failures: readonly { path: string; error: string }[]) {
    super(`Could not write ${failures.length} file(s):\n${failures.map((f) => `  - ${f.path || '(action)'}: ${f.error}`).join('\n')}`);
    this.name = 'RenderError';
  }
}

/**
 * Runs a list of actions through node-plop. node-plop reports failures in its result instead of
 * throwing, and rolls nothing back: the caller decides what to clean up.
 */
export async function runActions(
  actions: ActionType[],
  data: object,
  { destination, templatesDir }: { destination: string; templatesDir: string },
): Promise<string[]> {
  const plop = await nodePlop('', { destBasePath: destination, force: false });
  plop.setPlopfilePath(templatesDir);
  plop.setHelper('lowercase', lowercase);
  plop.setHelper('json', json);
  plop.setHelper('string', string);
  // A function, not an array: node-plop mutates a static actions array on its first run.
  plop.setGenerator('project', { description: 'a backend portfolio project', prompts: [], actions: () => actions });
  const { changes, failures } = await plop.getGenerator('project').runActions(data);
  if (failures.length > 0) {
    const causes = failures.filter((failure) => !String(failure.error).startsWith('Aborted due to previous action failure'));
    throw new RenderError(causes.map((failure) => ({ path: failure.path, error: String(failure.error) })));
  }
  return changes.map((change) => change.path);
}
