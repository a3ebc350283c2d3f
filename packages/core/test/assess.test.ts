import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Answer,
  assess,
  type Assessment,
  AssessmentInputError,
  BACKGROUND_IDS,
  buildPlan,
  findDomain,
  getBackground,
  type MilestoneId,
  parseAssessment,
  type Plan,
  QUESTIONS,
} from '../src/index.js';

const ticketing = findDomain('ticketing')!;
const options = { hoursPerWeek: 8, startDate: '2026-01-05' };
const all = (answer: Answer, overrides: Record<string, Answer> = {}): Assessment => ({
  answers: { ...Object.fromEntries(QUESTIONS.map((question) => [question.id, answer])), ...overrides },
});
const planned = (plan: Plan, id: MilestoneId) => plan.milestones.find((entry) => entry.milestone.id === id)!;
const tunedPlan = (background: Parameters<typeof getBackground>[0], assessment: Assessment) =>
  buildPlan(getBackground(background), ticketing, { ...options, tuning: assess(assessment, getBackground(background)).tuning });
const plainPlan = (background: Parameters<typeof getBackground>[0]) => buildPlan(getBackground(background), ticketing, options);

const DATABASE_QUESTIONS = ['three-table-join', 'schema-from-scratch', 'index-for-slow-query'];
const strongInDatabases = all('partly', Object.fromEntries(DATABASE_QUESTIONS.map((id) => [id, 'yes'])));

describe('assess', () => {
  it('gives the same report for the same answers, whatever order the file lists them in', () => {
    const forwards = parseAssessment({ answers: strongInDatabases.answers });
    const backwards = parseAssessment({ answers: Object.fromEntries(Object.entries(strongInDatabases.answers).reverse()) });
    const first = assess(forwards, getBackground('frontend'));
    assert.deepEqual(assess(backwards, getBackground('frontend')), first);
    assert.equal(JSON.stringify(assess(forwards, getBackground('frontend'))), JSON.stringify(first));
  });

  it('names the strongest areas and ranks the rest, the lowest score first', () => {
    const coding = Object.fromEntries(QUESTIONS.filter((question) => question.area === 'coding').map((question) => [question.id, 'partly' as const]));
    const databases = Object.fromEntries(DATABASE_QUESTIONS.map((id) => [id, 'yes' as const]));
    const report = assess(all('no', { ...coding, ...databases, 'production-debugging': 'yes' }));
    assert.deepEqual(report.strongest, ['databases', 'debugging']);
    // Systems and production both score 0; the tie goes to the area the article calls more fundamental.
    assert.deepEqual(report.focus.map((item) => item.area), ['systems', 'production', 'coding']);
    assert.deepEqual(report.focus.map((item) => item.rank), [1, 2, 3]);
    const databaseArea = report.areas.find((area) => area.id === 'databases')!;
    assert.equal(databaseArea.score, 1);
    assert.equal(databaseArea.shown.length, 3);
    assert.equal(report.areas.find((area) => area.id === 'coding')!.score, 0.5);
    assert.deepEqual(report.market.find((row) => row.requirement === 'sql')?.have, 'strong');
    assert.deepEqual(report.market.find((row) => row.requirement === 'docker')?.have, 'gap');
  });

  it('ties each focus area to the milestones that close what was not answered yes', () => {
    const report = assess(all('yes', { 'concurrent-writes': 'no', 'failing-dependency': 'partly' }));
    const systems = report.focus.find((item) => item.area === 'systems')!;
    assert.deepEqual(systems.milestones, ['concurrency', 'failure-modes']);
  });
});

describe('the assessment tunes the plan', () => {
  it('fast-tracks the schema and index milestones for answers strong in databases, and shrinks their hours', () => {
    // Frontend engineers go deep on both by default: the answers overrule the background's guess.
    const plain = plainPlan('frontend');
    const tuned = tunedPlan('frontend', strongInDatabases);
    for (const id of ['schema-design', 'indexes'] as const) {
      assert.equal(planned(plain, id).emphasis, 'deep');
      assert.equal(planned(tuned, id).emphasis, 'fast-track');
      assert.equal(planned(tuned, id).fromAssessment, true);
      assert.ok(planned(tuned, id).hours < planned(plain, id).hours, `${id}: ${planned(tuned, id).hours} < ${planned(plain, id).hours}`);
    }
    assert.ok(tuned.totalHours < plain.totalHours);
    assert.equal(tuned.assessed, true);
    assert.equal(plain.assessed, false);
  });

  it('with no deployment experience, moves the deploy milestone earlier where the profile allows, and adds to it in every profile', () => {
    const noDeploys = all('yes', { 'deployed-to-users': 'no', kubernetes: 'no' });
    let movedSomewhere = false;
    for (const background of BACKGROUND_IDS) {
      const plain = planned(plainPlan(background), 'deploy');
      const tuned = planned(tunedPlan(background, noDeploys), 'deploy');
      assert.equal(tuned.emphasis, 'deep', background);
      assert.ok(tuned.hours >= plain.hours, background);
      assert.ok(tuned.extraTasks.some((task) => /Deploy the scaffold as it is, early/.test(task)), background);
      assert.ok(tuned.position <= plain.position, `${background}: deploy never moves later`);
      if (tuned.position < plain.position) movedSomewhere = true;
    }
    assert.ok(movedSomewhere, 'at least one profile has room to move deploy earlier');
    // Frontend's default order puts deploy after the domain work; what it builds on still comes first.
    const tuned = tunedPlan('frontend', noDeploys);
    const position = (id: MilestoneId) => planned(tuned, id).position;
    assert.ok(position('deploy') < planned(plainPlan('frontend'), 'deploy').position);
    for (const dependency of planned(tuned, 'deploy').milestone.dependsOn) assert.ok(position(dependency) < position('deploy'), dependency);
  });

  it('leaves the background plan alone where the answers are mixed', () => {
    const mixed = all('partly');
    const tuned = tunedPlan('qa', mixed);
    const plain = plainPlan('qa');
    assert.deepEqual(tuned.milestones.map((entry) => [entry.milestone.id, entry.emphasis]), plain.milestones.map((entry) => [entry.milestone.id, entry.emphasis]));
    assert.ok(tuned.milestones.every((entry) => entry.extraTasks.length === 0));
  });
});

describe('parseAssessment', () => {
  const valid = all('yes');
  const rejects = (input: unknown, field: RegExp) =>
    assert.throws(() => parseAssessment(input), (error: unknown) => error instanceof AssessmentInputError && field.test(error.message), JSON.stringify(input));

  it('accepts a report, keeping its answers and background', () => {
    const report = assess({ ...valid, background: 'qa' });
    assert.deepEqual(parseAssessment(JSON.parse(JSON.stringify(report))), { background: 'qa', answers: valid.answers });
  });

  it('names the field for every kind of bad input', () => {
    rejects([], /^The file must hold a JSON object/);
    rejects({}, /^answers must be an object with one entry per question; got nothing/);
    rejects({ answers: [] }, /^answers must be an object/);
    rejects({ answers: { ...valid.answers, 'index-for-slow-query': 'maybe' } }, /^answers\.index-for-slow-query must be one of "no", "partly", "yes"; got "maybe"\.$/);
    rejects({ answers: { ...valid.answers, 'sql-wizard': 'yes' } }, /^answers\.sql-wizard is not a question\. The questions are: endpoint-with-database, /);
    const { kubernetes: _dropped, ...missing } = valid.answers;
    rejects({ answers: missing }, /^answers\.kubernetes is missing\. Answer "no", "partly", "yes": Have you deployed or operated a service on Kubernetes/);
    rejects({ ...valid, background: 'designer' }, /^background must be one of "cs-grad", /);
  });
});
