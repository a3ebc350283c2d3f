import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKGROUNDS, DOMAINS, type Domain, MILESTONE_IDS, type Milestone, milestonesFor, PNPM_COMMANDS, type Rubric, rubricFor } from '../src/index.js';

const background = BACKGROUNDS[0]!;
const milestonesOf = (domain: Domain) => milestonesFor({ background, domain, pm: PNPM_COMMANDS });

const allSigns = (rubric: Rubric) => [...rubric.levels.strong, ...rubric.levels.adequate, ...rubric.levels.weak];

/** A criterion id written in inline code anywhere in the rubric's text: `indexes.plan-uses-index`. */
const CITED_IN_TEXT = new RegExp(`\`((?:${MILESTONE_IDS.join('|')})\\.[a-z0-9-]+)\``, 'g');

/**
 * Every way a rubric can name an acceptance criterion that does not exist: a sign or a mistake citing an id its
 * milestone lacks, or any text quoting an id no milestone has. Empty when the rubric is consistent with the milestones.
 */
function unknownCriteria(rubric: Rubric, milestones: readonly Milestone[]): string[] {
  const own = new Set(milestones.find((m) => m.id === rubric.milestone)?.acceptance.map((c) => c.id));
  const any = new Set(milestones.flatMap((m) => m.acceptance.map((c) => c.id)));
  const structured = [...allSigns(rubric).flatMap((s) => s.criteria), ...rubric.reference.mistakes.flatMap((m) => m.caughtBy)];
  const quoted = [...JSON.stringify(rubric).matchAll(CITED_IN_TEXT)].map((match) => match[1]!);
  return [...structured.filter((id) => !own.has(id)), ...quoted.filter((id) => !any.has(id))];
}

describe('mentor rubrics', () => {
  it('exist for every milestone in every domain, with every part filled in', () => {
    for (const domain of DOMAINS) {
      for (const id of MILESTONE_IDS) {
        const rubric = rubricFor(id, { background, domain, pm: PNPM_COMMANDS });
        const where = `${domain.id} × ${id}`;
        assert.equal(rubric.milestone, id, where);
        assert.ok(rubric.shows.length > 20, `${where}: says what a pass shows`);
        assert.ok(rubric.evidence.length >= 2, `${where}: says where to look`);
        for (const level of ['strong', 'adequate', 'weak'] as const) {
          assert.ok(rubric.levels[level].length >= 3, `${where}: at least 3 ${level} signs`);
          for (const s of rubric.levels[level]) assert.ok(s.text.trim().length > 20, `${where}: an empty ${level} sign`);
        }
        assert.ok(rubric.reference.approach.length >= 2, `${where}: describes the reference approach`);
        assert.ok(rubric.reference.mistakes.length >= 2 && rubric.reference.mistakes.length <= 3, `${where}: 2 or 3 common mistakes`);
        for (const m of rubric.reference.mistakes) assert.ok(m.name !== '' && m.lookFor.length > 20, `${where}: mistake ${m.name}`);
      }
    }
  });

  it('name only acceptance criteria that the milestone really has, in every domain', () => {
    for (const domain of DOMAINS) {
      const milestones = milestonesOf(domain);
      for (const id of MILESTONE_IDS) {
        assert.deepEqual(unknownCriteria(rubricFor(id, { background, domain, pm: PNPM_COMMANDS }), milestones), [], `${domain.id} × ${id}`);
      }
    }
  });

  it('would catch a rubric that names a criterion the milestone does not have', () => {
    const [domain] = DOMAINS;
    const milestones = milestonesOf(domain!);
    const real = rubricFor('indexes', { background, domain: domain!, pm: PNPM_COMMANDS });
    const renamed: Rubric = {
      ...real,
      levels: { ...real.levels, weak: [...real.levels.weak, { text: 'cites a renamed criterion', criteria: ['indexes.plan-is-fast'] }] },
    };
    assert.deepEqual(unknownCriteria(renamed, milestones), ['indexes.plan-is-fast']);
    const borrowed: Rubric = {
      ...real,
      reference: { ...real.reference, mistakes: [{ name: 'x', lookFor: 'cites another milestone as its own', caughtBy: ['auth.login'] }] },
    };
    assert.deepEqual(unknownCriteria(borrowed, milestones), ['auth.login']);
    const quoted: Rubric = { ...real, shows: 'Mentions `deploy.smoke-everything` in prose.' };
    assert.deepEqual(unknownCriteria(quoted, milestones), ['deploy.smoke-everything']);
  });

  it('cite every acceptance criterion of their milestone at least once, so no criterion goes unexplained', () => {
    for (const domain of DOMAINS) {
      for (const milestone of milestonesOf(domain)) {
        const rubric = rubricFor(milestone.id, { background, domain, pm: PNPM_COMMANDS });
        const cited = new Set([...allSigns(rubric).flatMap((s) => s.criteria), ...rubric.reference.mistakes.flatMap((m) => m.caughtBy)]);
        const missing = milestone.acceptance.map((c) => c.id).filter((id) => !cited.has(id));
        assert.deepEqual(missing, [], `${domain.id} × ${milestone.id}`);
      }
    }
  });

  it('describe each level with its own observations, not the same sentence at every level', () => {
    for (const domain of DOMAINS) {
      for (const id of MILESTONE_IDS) {
        const texts = allSigns(rubricFor(id, { background, domain, pm: PNPM_COMMANDS })).map((s) => s.text);
        assert.equal(new Set(texts).size, texts.length, `${domain.id} × ${id} repeats a sign`);
        for (const text of texts) assert.doesNotMatch(text, /\b(good|bad|ok|okay|nice|clean|messy) code\b/i, `${domain.id} × ${id}: "${text}" is not observable`);
      }
    }
  });

  it('are written against the domain: its hot list, its contended table and its dependency appear where they matter', () => {
    for (const domain of DOMAINS) {
      const context = { background, domain, pm: PNPM_COMMANDS };
      const text = (id: (typeof MILESTONE_IDS)[number]) => JSON.stringify(rubricFor(id, context));
      for (const column of domain.hotList.index) assert.ok(text('indexes').includes(`\`${column}\``), `${domain.id}: indexes names ${column}`);
      assert.ok(text('indexes').includes(domain.hotList.table), `${domain.id}: indexes names ${domain.hotList.table}`);
      assert.ok(text('concurrency').includes(domain.contendedWrite.table), `${domain.id}: concurrency names ${domain.contendedWrite.table}`);
      assert.ok(text('failure-modes').includes(domain.dependency.name), `${domain.id}: failure-modes names the ${domain.dependency.name}`);
      assert.ok(text('orientation').includes(domain.primaryResource), `${domain.id}: orientation names ${domain.primaryResource}`);
    }
  });
});
