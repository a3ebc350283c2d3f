import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BACKGROUNDS,
  buildPlan,
  DOMAINS,
  findDomain,
  getBackground,
  MILESTONE_IDS,
  milestonesFor,
  PNPM_COMMANDS,
  type MilestoneId,
  orderMilestones,
  type Plan,
  PlanInputError,
  plannedHours,
} from '../src/index.js';

const ticketing = findDomain('ticketing')!;
const options = { hoursPerWeek: 8, startDate: '2026-01-05' };
const planFor = (id: Parameters<typeof getBackground>[0], more: Partial<typeof options> = {}): Plan =>
  buildPlan(getBackground(id), ticketing, { ...options, ...more });
const order = (plan: Plan): MilestoneId[] => plan.milestones.map((m) => m.milestone.id);
const emphasisOf = (plan: Plan, id: MilestoneId) => plan.milestones.find((m) => m.milestone.id === id)?.emphasis;

describe('buildPlan: order', () => {
  it('keeps the default order when nothing is pulled forward', () => {
    const [one] = BACKGROUNDS;
    const plain = buildPlan({ ...one!, pullForward: [] }, ticketing, options);
    assert.deepEqual(order(plain), [...MILESTONE_IDS]);
  });

  it('pulls a milestone forward with what it depends on, and nothing else', () => {
    // devops-sre pulls containers, which needs only schema-design: it jumps ahead of indexes and testing.
    assert.deepEqual(order(planFor('devops-sre')), [
      'orientation', 'first-endpoint', 'schema-design', 'containers', 'indexes', 'testing',
      'auth', 'concurrency', 'failure-modes', 'observability', 'ci-cd', 'deploy',
    ]);
    // data-engineer pulls auth, which needs testing: both go ahead of indexes.
    assert.deepEqual(order(planFor('data-engineer')).slice(3, 6), ['testing', 'auth', 'indexes']);
  });

  it('never places a milestone before one it depends on, for any background or domain', () => {
    for (const domain of DOMAINS) {
      for (const background of BACKGROUNDS) {
        const plan = buildPlan(background, domain, options);
        const seen = new Set<string>();
        for (const { milestone } of plan.milestones) {
          for (const dependency of milestone.dependsOn) assert.ok(seen.has(dependency), `${background.id}: ${milestone.id} before ${dependency}`);
          seen.add(milestone.id);
        }
        assert.equal(seen.size, MILESTONE_IDS.length);
        plan.milestones.forEach((m, index) => assert.equal(m.position, index + 1));
      }
    }
  });

  it('refuses dependencies that form a cycle instead of looping', () => {
    const milestones = milestonesFor({ background: BACKGROUNDS[0]!, domain: ticketing, pm: PNPM_COMMANDS }).slice(0, 2);
    const cyclic = [{ ...milestones[0]!, dependsOn: ['first-endpoint' as const] }, milestones[1]!];
    assert.throws(() => orderMilestones(cyclic, []), /cycle among: orientation, first-endpoint/);
  });
});

describe('buildPlan: backgrounds differ as their profiles say', () => {
  const frontend = planFor('frontend');
  const dataEngineer = planFor('data-engineer');
  const devops = planFor('devops-sre');
  const qa = planFor('qa');

  it('frontend goes deep on the data layer that data-engineer fast-tracks, and the reverse for endpoints', () => {
    for (const id of ['schema-design', 'indexes'] as const) {
      assert.equal(emphasisOf(frontend, id), 'deep', id);
      assert.equal(emphasisOf(dataEngineer, id), 'fast-track', id);
    }
    assert.equal(emphasisOf(frontend, 'first-endpoint'), 'fast-track');
    assert.equal(emphasisOf(dataEngineer, 'first-endpoint'), 'deep');
    // data-engineer reaches auth, its gap, before indexes; frontend keeps indexes first.
    assert.ok(order(dataEngineer).indexOf('auth') < order(dataEngineer).indexOf('indexes'));
    assert.ok(order(frontend).indexOf('indexes') < order(frontend).indexOf('auth'));
  });

  it('devops-sre fast-tracks the operations milestones that qa and frontend do at standard pace, and reaches containers early', () => {
    for (const id of ['observability', 'containers', 'ci-cd'] as const) {
      assert.equal(emphasisOf(devops, id), 'fast-track', id);
      assert.equal(emphasisOf(frontend, id), 'standard', id);
    }
    // Deploy holds the case study, the largest writing task, which experience with platforms does not shorten.
    assert.equal(emphasisOf(devops, 'deploy'), 'standard');
    assert.equal(order(devops).indexOf('containers'), 3);
    assert.equal(order(qa).indexOf('containers'), 9);
  });

  it('qa fast-tracks testing and reaches it before indexes, while devops-sre goes deep on testing', () => {
    assert.equal(emphasisOf(qa, 'testing'), 'fast-track');
    assert.equal(emphasisOf(devops, 'testing'), 'deep');
    assert.ok(order(qa).indexOf('testing') < order(qa).indexOf('indexes'));
    assert.ok(order(devops).indexOf('testing') > order(devops).indexOf('indexes'));
    assert.equal(emphasisOf(qa, 'failure-modes'), 'deep');
    assert.equal(emphasisOf(devops, 'failure-modes'), 'standard');
  });

  it('carries each background’s own note and bridges onto its milestones', () => {
    const concurrency = frontend.milestones.find((m) => m.milestone.id === 'concurrency')!;
    assert.equal(concurrency.note, getBackground('frontend').notes.concurrency);
    assert.deepEqual(
      concurrency.bridges.map((bridge) => bridge.backend),
      ['Concurrent writes, transactions and conflict responses'],
    );
    const qaTesting = qa.milestones.find((m) => m.milestone.id === 'testing')!;
    assert.match(qaTesting.bridges[0]!.known, /automation suites/);
    assert.equal(frontend.milestones.find((m) => m.milestone.id === 'testing')!.bridges.length, 0);
  });
});

describe('buildPlan: hours and dates', () => {
  it('scales hours by emphasis: deep ×1.5, fast-track ×0.5, rounded up, at least 1', () => {
    assert.equal(plannedHours(8, 'deep'), 12);
    assert.equal(plannedHours(8, 'standard'), 8);
    assert.equal(plannedHours(6, 'fast-track'), 3);
    assert.equal(plannedHours(5, 'fast-track'), 3);
    assert.equal(plannedHours(1, 'fast-track'), 1);
    const plan = planFor('frontend');
    const schema = plan.milestones.find((m) => m.milestone.id === 'schema-design')!;
    assert.equal(schema.hours, schema.milestone.estimateHours * 1.5);
    assert.equal(plan.totalHours, plan.milestones.reduce((sum, m) => sum + m.hours, 0));
  });

  it('derives dates from the hours per week, back to back, in UTC whatever the time zone', () => {
    // 7 hours a week is one hour a day: dates are just running sums of hours.
    const plan = planFor('frontend', { hoursPerWeek: 7 });
    const [first, second] = plan.milestones;
    assert.deepEqual([first!.hours, first!.start, first!.end], [4, '2026-01-05', '2026-01-08']);
    assert.deepEqual([second!.hours, second!.start, second!.end], [3, '2026-01-09', '2026-01-11']);
    assert.equal(plan.startDate, '2026-01-05');
    assert.equal(plan.endDate, plan.milestones.at(-1)!.end);
    // totalHours days after the start, minus the start day itself.
    assert.equal(Date.parse(plan.endDate) - Date.parse('2026-01-05'), (plan.totalHours - 1) * 86_400_000);
  });

  it('gives the same dates in any time zone', () => {
    const saved = process.env.TZ;
    try {
      const plans = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'].map((zone) => {
        process.env.TZ = zone;
        return planFor('it-sysadmin', { hoursPerWeek: 9, startDate: '2026-03-29' }).milestones.map((m) => `${m.start}..${m.end}`);
      });
      assert.deepEqual(plans[1], plans[0]);
      assert.deepEqual(plans[2], plans[0]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('lets a milestone end on the day the next one begins, never before its own start', () => {
    const plan = planFor('qa', { hoursPerWeek: 10 });
    for (const [index, m] of plan.milestones.entries()) {
      assert.ok(m.start <= m.end, `${m.milestone.id} ends before it starts`);
      const next = plan.milestones[index + 1];
      if (next) assert.ok(next.start >= m.end && Date.parse(next.start) - Date.parse(m.end) <= 86_400_000, `${next.milestone.id} leaves a gap`);
    }
  });

  it('takes longer at fewer hours a week, and crosses months and leap days correctly', () => {
    const slow = planFor('qa', { hoursPerWeek: 4, startDate: '2028-02-27' });
    const fast = planFor('qa', { hoursPerWeek: 20, startDate: '2028-02-27' });
    assert.ok(slow.endDate > fast.endDate);
    const oneHourADay = planFor('qa', { hoursPerWeek: 7, startDate: '2028-02-27' });
    assert.equal(oneHourADay.milestones[0]!.end, '2028-03-01'); // 4 hours: 27, 28, 29 February and 1 March
  });
});

describe('buildPlan: bad input', () => {
  const attempt = (more: Record<string, unknown>) => () => buildPlan(getBackground('qa'), ticketing, { ...options, ...more } as typeof options);

  it('refuses hours a week that are not a sane positive number, naming the range', () => {
    for (const hoursPerWeek of [0, -3, 0.5, 61, Number.NaN, Number.POSITIVE_INFINITY, '8']) {
      assert.throws(attempt({ hoursPerWeek }), (error: unknown) => {
        assert.ok(error instanceof PlanInputError);
        assert.equal(error.field, 'hoursPerWeek');
        assert.match(error.message, /^hoursPerWeek must be a number of hours from 1 to 60, such as 8; got /);
        return true;
      });
    }
    assert.doesNotThrow(attempt({ hoursPerWeek: 1 }));
    assert.doesNotThrow(attempt({ hoursPerWeek: 7.5 }));
    assert.doesNotThrow(attempt({ hoursPerWeek: 60 }));
  });

  it('refuses start dates that are not real calendar days written YYYY-MM-DD', () => {
    for (const startDate of ['2026-02-30', '2026-13-01', '2026-1-5', '05/01/2026', '2026-01-05T00:00:00Z', '', 'today', undefined]) {
      assert.throws(attempt({ startDate }), (error: unknown) => {
        assert.ok(error instanceof PlanInputError);
        assert.equal(error.field, 'startDate');
        assert.match(error.message, /^startDate must be a real calendar date written YYYY-MM-DD, such as 2026-03-02; got /);
        return true;
      });
    }
    assert.doesNotThrow(attempt({ startDate: '2028-02-29' }));
    assert.throws(attempt({ startDate: '2027-02-29' }), PlanInputError);
  });
});
