import { loadMilestones, type Criterion } from './milestones.js';

const byId = new Map<string, { criterion: Criterion; doc: string }>(
  loadMilestones().milestones.flatMap((milestone) =>
    milestone.criteria.map((criterion) => [criterion.id, { criterion, doc: milestone.doc }] as const),
  ),
);

/**
 * One acceptance criterion as a jest test. The test is named by the criterion's id, the name the
 * milestone doc uses, and a failure says which doc section to read next to jest's expected/actual.
 */
export function criterion(id: string, check: () => Promise<void>, timeoutMs = 30_000): void {
  const entry = byId.get(id);
  if (entry === undefined) throw new Error(`No acceptance criterion ${id} in milestones/milestones.json`);
  it(`${id}: ${entry.criterion.statement}`, async () => {
    try {
      await check();
    } catch (error) {
      if (error instanceof Error) {
        error.message = `${error.message}\n\nRead: ${entry.doc}, "Tests", ${id}`;
      }
      throw error;
    }
  }, timeoutMs);
}
