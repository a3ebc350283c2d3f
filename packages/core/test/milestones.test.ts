import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKGROUNDS, DOMAINS, MILESTONE_IDS, milestonesFor } from '../src/index.js';

describe('milestones', () => {
  it('follow the default order of the job, one per id, for every background and domain', () => {
    for (const domain of DOMAINS) {
      for (const background of BACKGROUNDS) {
        const milestones = milestonesFor({ background, domain });
        assert.deepEqual(
          milestones.map((milestone) => milestone.id),
          [...MILESTONE_IDS],
        );
        milestones.forEach((milestone, index) => assert.equal(milestone.number, index + 1, milestone.id));
      }
    }
  });

  it('have every part a doc and a check need, and depend only on earlier milestones', () => {
    const [domain] = DOMAINS;
    const [background] = BACKGROUNDS;
    const milestones = milestonesFor({ background: background!, domain: domain! });
    const seen = new Set<string>();
    for (const milestone of milestones) {
      assert.ok(milestone.goal.length > 20 && milestone.whyItMatters.length > 20, milestone.id);
      assert.ok(milestone.tasks.length >= 3, `${milestone.id} tasks`);
      assert.ok(milestone.acceptance.length >= 3, `${milestone.id} acceptance`);
      for (const criterion of milestone.acceptance) {
        assert.ok(criterion.id.startsWith(`${milestone.id}.`), criterion.id);
        assert.ok(criterion.sends.length > 0 && criterion.expects.length > 0, criterion.id);
      }
      assert.ok(milestone.talkingPoints.length >= 3, `${milestone.id} talking points`);
      assert.ok(milestone.estimateHours > 0, `${milestone.id} estimate`);
      for (const dependency of milestone.dependsOn) assert.ok(seen.has(dependency), `${milestone.id} depends on later ${dependency}`);
      seen.add(milestone.id);
      const text = JSON.stringify(milestone);
      assert.doesNotMatch(text, /\{\{|\$\{|\[object Object\]|undefined/, `${milestone.id} has debris`);
    }
  });

  it('weave in the domain: the text names its own tables', () => {
    for (const domain of DOMAINS) {
      const text = JSON.stringify(milestonesFor({ background: BACKGROUNDS[0]!, domain }));
      for (const table of domain.tables) assert.ok(text.includes(table.name), `${domain.id}: ${table.name} never mentioned`);
    }
  });
});
