import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKGROUNDS, DOMAINS, MILESTONE_IDS, type Domain, type Milestone, milestonesFor, PNPM_COMMANDS } from '../src/index.js';

const milestone = (domain: Domain, id: string): Milestone => {
  const found = milestonesFor({ background: BACKGROUNDS[0]!, domain, pm: PNPM_COMMANDS }).find((m) => m.id === id);
  assert.ok(found, id);
  return found;
};

/** Every string a milestone renders, with inline code removed, so only prose is left. */
const prose = (m: Milestone): string => JSON.stringify(m).replace(/`[^`]*`/g, '`code`');


describe('milestones', () => {
  it('follow the default order of the job, one per id, for every background and domain', () => {
    for (const domain of DOMAINS) {
      for (const background of BACKGROUNDS) {
        const milestones = milestonesFor({ background, domain, pm: PNPM_COMMANDS });
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
    const milestones = milestonesFor({ background: background!, domain: domain!, pm: PNPM_COMMANDS });
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
      const text = JSON.stringify(milestonesFor({ background: BACKGROUNDS[0]!, domain, pm: PNPM_COMMANDS }));
      for (const table of domain.tables) assert.ok(text.includes(table.name), `${domain.id}: ${table.name} never mentioned`);
    }
  });

  it('concurrency text follows the kind of race: capacity words only where there is a capacity', () => {
    for (const domain of DOMAINS) {
      const m = milestone(domain, 'concurrency');
      const ids = m.acceptance.map((criterion) => criterion.id);
      const text = JSON.stringify(m);
      const kind = domain.contendedWrite.kind;
      if (kind === 'capacity') {
        assert.ok(ids.includes('concurrency.last-unit-race'), domain.id);
        assert.ok(text.includes(`${domain.contendedWrite.limit.table}.${domain.contendedWrite.limit.column}`), `${domain.id}: names the limit column`);
      } else {
        assert.doesNotMatch(text, /capacit|room for|remaining|oversell|sold out|last unit|one left|exactly K\b|K more/i, `${domain.id} (${kind}) talks about capacity`);
      }
      if (kind === 'single-winner') {
        const race = m.acceptance.find((criterion) => criterion.id === 'concurrency.single-winner-race');
        assert.ok(race, domain.id);
        assert.match(race.expects, /exactly one response is 201/, domain.id);
        assert.match(race.expects, /other 19 are 409/, domain.id);
        if (domain.contendedWrite.activeWhen) assert.ok(race.sends.includes(domain.contendedWrite.activeWhen), `${domain.id}: race covers rows that no longer block`);
      }
      if (kind === 'counter') {
        const { counter } = domain.contendedWrite;
        assert.ok(ids.includes('concurrency.duplicate-race'), domain.id);
        const increments = m.acceptance.find((criterion) => criterion.id === 'concurrency.counter-no-lost-increments');
        assert.ok(increments, `${domain.id}: has a criterion that concurrent increments lose nothing`);
        assert.ok(increments.expects.includes(`\`${counter.column}\` is exactly 50`), domain.id);
        assert.ok(increments.expects.includes(`Exactly one \`${counter.table}\` row`), domain.id);
      }
    }
  });

  it('prose uses words for multi-word tables, not snake_case identifiers outside code', () => {
    for (const domain of DOMAINS) {
      for (const m of milestonesFor({ background: BACKGROUNDS[0]!, domain, pm: PNPM_COMMANDS })) {
        const text = prose(m);
        for (const table of domain.tables) {
          for (const name of [table.name, table.singular].filter((n) => n.includes('_'))) {
            assert.doesNotMatch(text, new RegExp(`\\b(a|an|the|one|every|each|any|some|missing|seeded|new|duplicate|second) ${name}\\b`), `${domain.id} ${m.id}: "${name}" in prose`);
          }
        }
        assert.doesNotMatch(text, /\ba (?!one\b)[aeio]\w/i, `${domain.id} ${m.id}: "a" before a vowel`);
      }
    }
  });

  it('failure-modes and deploy sentences read for every domain', () => {
    for (const domain of DOMAINS) {
      const failure = JSON.stringify(milestone(domain, 'failure-modes'));
      assert.doesNotMatch(failure, /I chose to (when|if|while)\b/, domain.id);
      const deploy = JSON.stringify(milestone(domain, 'deploy'));
      assert.doesNotMatch(deploy, /random value|changed to fresh/, `${domain.id}: deploy asks for random values`);
    }
  });

  it('schema-design sends every column of the unique key it expects a conflict on', () => {
    for (const domain of DOMAINS) {
      const criterion = milestone(domain, 'schema-design').acceptance.find((c) => c.id === 'schema-design.unique-conflict');
      if (!criterion) continue;
      const body = /shaped like `(\{[^`]*\})`/.exec(criterion.sends)?.[1];
      assert.ok(body, domain.id);
      const keys = Object.keys(JSON.parse(body) as Record<string, unknown>);
      const statementKey = [...criterion.statement.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]!);
      for (const name of statementKey) assert.ok(keys.includes(name), `${domain.id}: ${name} missing from the 409 body`);
    }
  });
});
