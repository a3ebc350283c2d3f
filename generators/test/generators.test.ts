import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BACKGROUND_IDS, buildPlan, DOMAINS, findDomain, getBackground } from '@create-backend-portfolio/core';
import { buildProjectView, DEPLOY_TARGET_IDS, PACKAGE_MANAGERS, packageManagerView, RenderError, renderProject, type ProjectAnswers } from '../index.js';
import { string } from '../helpers.js';
import { destinationPath } from '../kit.js';
import { testAnswers } from './answers.js';
import { knexCheck, knexColumn, tsType, zodSchema } from '../view/columns.js';
import { buildPlanView, personName } from '../view/plan.js';
import { seedId } from '../view/project.js';

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

describe('destinationPath', () => {
  it('renames _dotfiles, fills __names__ and drops .hbs', () => {
    assert.equal(destinationPath('_gitignore'), '.gitignore');
    assert.equal(destinationPath('_env.example.hbs'), '.env.example');
    assert.equal(destinationPath('src/resources/__table__/__table__.router.ts.hbs', { table: 'events' }), 'src/resources/events/events.router.ts');
    assert.equal(destinationPath('src/app.ts'), 'src/app.ts');
  });

  it('refuses a template path whose name has no value', () => {
    assert.throws(() => destinationPath('src/__table__.ts'), /needs a value for __table__/);
  });
});

describe('column mapping', () => {
  const events = findDomain('ticketing')!.tables.find((table) => table.name === 'events')!;
  const column = (name: string) => events.columns.find((c) => c.name === name)!;

  it('writes constraints into the migration, not only into validation', () => {
    assert.equal(
      knexColumn(events, column('seats_total')),
      "table.integer('seats_total').notNullable().checkBetween([1, 100000], 'events_seats_total_range');",
    );
    assert.match(knexColumn(events, column('venue_id')), /references\('id'\)\.inTable\('venues'\)\.onDelete\('RESTRICT'\)\.index\(\)/);
    assert.match(knexColumn(events, column('status')), /defaultTo\('draft'\)\.checkIn\(\['draft', 'on_sale', 'sold_out', 'cancelled'\]/);
  });

  it('writes table-level CHECK constraints with their name, keeping a literal ? out of knex bindings', () => {
    assert.equal(
      knexCheck({ name: 'runs_sha_format', sql: "sha ~ '^[0-9a-f]{40}$' OR note ~ 'why?'" }),
      String.raw`table.check("sha ~ '^[0-9a-f]{40}$' OR note ~ 'why\\?'", [], 'runs_sha_format');`,
    );
  });

  it('writes a check without SQL literals in single quotes, like the code around it', () => {
    assert.equal(knexCheck({ name: 'due_after', sql: 'due_at IS NULL OR due_at > starts_at' }), "table.check('due_at IS NULL OR due_at > starts_at', [], 'due_after');");
  });

  it('writes string literals that evaluate back to the text, whatever quotes and escapes it holds', () => {
    assert.equal(string('IT asset inventory'), "'IT asset inventory'");
    assert.equal(string("it's"), `"it's"`);
    assert.equal(string(`it's "x"`), `'it\\'s "x"'`);
    assert.equal(string(`'a' and "b" and 'c'`), `"'a' and \\"b\\" and 'c'"`);
    for (const text of ['plain', "it's", 'say "hi"', `'a' "b" 'c'`, 'back\\slash \\" and \\\'', 'line\nbreak\ttab', '\u2028 and \u0000']) {
      assert.equal(new Function(`return ${string(text)};`)(), text, text);
    }
  });

  it('validates the same bounds in zod and types values as pg returns them', () => {
    assert.equal(zodSchema(column('seats_total')), 'z.number().int().min(1).max(100000)');
    assert.equal(zodSchema(column('title')), "z.string().trim().min(1).max(200).refine(noNul, 'must not contain the NUL character')");
    assert.equal(tsType(column('starts_at')), 'Date');
    assert.equal(tsType(column('status')), "'draft' | 'on_sale' | 'sold_out' | 'cancelled'");
  });

  it('makes fixed seed ids that are valid, distinct v4 UUIDs', () => {
    const ids = [seedId(0, 0), seedId(0, 1), seedId(1, 0)];
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(new Set(ids).size, ids.length);
  });
});

/** The package managers besides pnpm, the default, whose projects must not be told to run pnpm. */
const OTHER_PACKAGE_MANAGERS = ['npm', 'yarn', 'bun'] as const;

describe('the plan view', () => {
  it('says the pace in words, one hour in the singular', () => {
    const pace = (hoursPerWeek: number) => buildPlanView(buildPlan(getBackground('qa'), findDomain('ticketing')!, { hoursPerWeek, startDate: '2026-03-02' })).pace;
    assert.deepEqual([pace(1), pace(8), pace(12.5)], ['1 hour a week', '8 hours a week', '12.5 hours a week']);
  });
});

describe('renderProject', () => {
  let root: string;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cbp-render-'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const answers = testAnswers;

  it('leaves no template debris in any background × domain × package manager', async () => {
    let n = 0;
    for (const domain of DOMAINS) {
      for (const background of BACKGROUND_IDS) {
        // pnpm, and one of npm, yarn and bun in turn, so each of those renders with many backgrounds and domains.
        for (const packageManager of [OTHER_PACKAGE_MANAGERS[n % OTHER_PACKAGE_MANAGERS.length]!, 'pnpm'] as const) {
          const destination = path.join(root, `matrix-${(n += 1)}`);
          // Every deploy target in turn, so the matrix renders each of them with many backgrounds and domains.
          const deploy = DEPLOY_TARGET_IDS[n % DEPLOY_TARGET_IDS.length]!;
          // The mentor docs every other time: they carry the rubrics, which are milestone text too.
          const mentor = n % 2 === 0;
          const files = await renderProject(answers({ background, domain: domain.id, packageManager, deploy, mentor }), { destination, templatesDir });
          for (const file of files) {
            const text = await readFile(path.join(destination, file), 'utf8');
            // GitHub's own `${{ expression }}` is meant to be there in a workflow, and `gen/` is the project's own
            // generator: its templates keep their tags for when the learner runs it.
            const rendered = file.startsWith('.github/workflows/') ? text.replace(/\$\{\{ [^}]+ \}\}/g, '') : text;
            if (!file.startsWith('gen/')) assert.doesNotMatch(rendered, /\{\{|\}\}/, `${file} keeps a handlebars tag`);
            // Handlebars HTML-escapes `{{x}}`: an entity in generated code means a template forgot `{{{x}}}`.
            assert.doesNotMatch(text, /&(#x27|#x3D|#x60|quot|amp|lt|gt);/, `${file} has an HTML entity`);
            assert.ok(!text.includes("[object Object]"), `${file} rendered an object as text`);
            if (file.endsWith('.md')) {
              assert.doesNotMatch(text, /\bundefined\b|\bNaN\b|\]\(\)|^\s*(-|1\.|- \[ \])\s*$|\*\*\*\*/m, `${file} has an empty value`);
            }
            // Docs, comments and messages spell every command with the project's own package manager; only a line
            // that lists every package manager (a check's pattern of install commands, say) may name pnpm.
            if (packageManager !== 'pnpm') {
              const line = text.split('\n').find((candidate) => /\bpnpm\b/.test(candidate) && !(/\byarn\b/.test(candidate) && /\bbun\b/.test(candidate)));
              assert.equal(line, undefined, `${file} names pnpm in a project that uses ${packageManager}`);
            }
          }
          assert.ok(files.includes('.gitignore') && !files.includes('_gitignore'));
          assert.equal(files.includes('pnpm-workspace.yaml'), packageManager === 'pnpm');
          await assertMilestoneDocs(destination, files, answers({ background, domain: domain.id, packageManager }));
          await assertMilestoneChecks(destination, files, answers({ background, domain: domain.id, packageManager }));
        }
      }
    }
  });

  it('writes package.json from the one versions file, with packageManager matching the choice', async () => {
    const destination = path.join(root, 'pkg');
    await renderProject(answers({ packageManager: 'pnpm' }), { destination, templatesDir });
    const manifest = JSON.parse(await readFile(path.join(destination, 'package.json'), 'utf8'));
    assert.match(manifest.packageManager, /^pnpm@\d+\.\d+\.\d+$/);
    assert.match(manifest.devDependencies.typescript, /^6\.0\./);
    for (const script of ['dev', 'build', 'start', 'test', 'typecheck', 'lint', 'migrate', 'migrate:latest', 'migrate:rollback', 'migrate:down', 'seed']) {
      assert.ok(manifest.scripts[script], `script ${script}`);
    }
    // `gen migration` writes new migrations: knex's own `migrate:make` would name and lay them out differently.
    assert.equal(manifest.scripts['migrate:make'], undefined);
    assert.equal(manifest.scripts.start, 'node dist/server.js');
  });

  it("lines up the comments of the README's quick start for every package manager", async () => {
    for (const packageManager of PACKAGE_MANAGERS) {
      const destination = path.join(root, `quick-start-${packageManager}`);
      await renderProject(answers({ packageManager }), { destination, templatesDir });
      const readme = await readFile(path.join(destination, 'README.md'), 'utf8');
      const lines = /^```sh\n(.*?)```$/ms.exec(readme)?.[1]?.trimEnd().split('\n') ?? [];
      assert.equal(lines.length, 2, readme);
      const columns = lines.map((line) => line.indexOf('    # '));
      assert.ok(columns[0]! > 0 && columns[0] === columns[1] && lines.every((line) => line.indexOf('#') === columns[0]! + 4), `${packageManager}:\n${lines.join('\n')}`);
    }
  });

  it('gives the project its generators: the templates its own resource came from, and the milestones its TODO tests name', async () => {
    const destination = path.join(root, 'gen');
    const files = await renderProject(answers({ background: 'qa', domain: 'asset-inventory' }), { destination, templatesDir });
    const copies = {
      'resource/src/resources/__table__/__table__.router.ts.hbs': 'gen/templates/resource/src/resources/__table__/__table__.router.ts.hbs',
      'resource/test/__table__.test.ts.hbs': 'gen/templates/resource/test/__table__.test.ts.hbs',
      'database/schema/test/support/fixtures.ts.hbs': 'gen/templates/resource/test/support/__table__.fixtures.ts.hbs',
      'database/migration/src/db/migrations/__migration__.ts.hbs': 'gen/templates/resource/src/db/migrations/__migration__.ts.hbs',
      'gen/cli.ts': 'gen/cli.ts',
    };
    for (const [source, target] of Object.entries(copies)) {
      assert.equal(await readFile(path.join(destination, target), 'utf8'), await readFile(path.join(templatesDir, source), 'utf8'), target);
    }
    const refs = JSON.parse(await readFile(path.join(destination, 'gen/milestones.json'), 'utf8')) as Record<string, { id: string; doc: string }>;
    for (const id of ['schema-design', 'indexes', 'auth']) {
      assert.equal(refs[id]?.id, id);
      assert.ok(files.includes(refs[id]!.doc), `${id}: ${refs[id]!.doc} is not a generated doc`);
    }
    const routes = await readFile(path.join(destination, 'src/routes.ts'), 'utf8');
    assert.match(routes, /^\/\/ gen:imports .*\n\n/m);
    assert.match(routes, /^  \/\/ gen:resources .*\n\];/m);
    const manifest = JSON.parse(await readFile(path.join(destination, 'package.json'), 'utf8'));
    assert.equal(manifest.scripts.gen, 'tsx gen/cli.ts');
    assert.match(manifest.scripts['test:todo'], /--testMatch "\*\*\/\*\.todo\.test\.ts"/);
    for (const dependency of ['plop', 'node-plop', 'pluralize', '@types/pluralize']) assert.ok(manifest.devDependencies[dependency], dependency);
    assert.ok(JSON.parse(await readFile(path.join(destination, 'tsconfig.json'), 'utf8')).include.includes('gen'));
  });

  it('refuses to overwrite a file that is already there, and says which', async () => {
    const destination = path.join(root, 'clash');
    await renderProject(answers(), { destination, templatesDir });
    await writeFile(path.join(destination, 'src/app.ts'), '// mine\n');
    await assert.rejects(renderProject(answers(), { destination, templatesDir }), (error: unknown) => {
      assert.ok(error instanceof RenderError);
      assert.match(error.message, /src\/app\.ts: already exists/);
      return true;
    });
    assert.equal(await readFile(path.join(destination, 'src/app.ts'), 'utf8'), '// mine\n');
  });
});

/** The headings every milestone doc has, in this order. */
const MILESTONE_HEADINGS = [
  '## Goal',
  '## Why it matters',
  '## As ',
  '## Tasks',
  '## Acceptance criteria',
  '### Tests',
  '## Stretch goals',
  '## Mentor review checklist',
  '### Correctness',
  '### Edge cases',
  '### Maintainability',
  '## Interview talking points',
  '## Time estimate',
];

async function assertMilestoneDocs(destination: string, files: readonly string[], answers: ProjectAnswers): Promise<void> {
  const { plan } = buildProjectView(answers);
  const readme = await readFile(path.join(destination, 'docs/milestones/README.md'), 'utf8');
  const rows = readme.split('\n').filter((line) => /^\| \d\d \|/.test(line));
  assert.equal(rows.length, plan.milestones.length, `${answers.background}: one table row per milestone`);
  const linked = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!);
  assert.ok(linked.length >= plan.milestones.length);
  for (const target of linked) {
    assert.ok(files.includes(path.posix.normalize(`docs/milestones/${target}`)), `${answers.background}: the plan links ${target}, which was not written`);
  }
  plan.milestones.forEach((milestone, index) => {
    assert.match(rows[index]!, new RegExp(`^\\| ${milestone.number} \\| \\[${escape(milestone.title)}\\]\\(${milestone.file}\\) \\| ${milestone.emphasisLabel} \\| ${milestone.hours} \\| ${milestone.start} \\| ${milestone.end} \\| not started \\|$`));
  });
  for (const milestone of plan.milestones) {
    const file = `docs/milestones/${milestone.file}`;
    assert.ok(files.includes(file), `${file} was not written`);
    const text = await readFile(path.join(destination, file), 'utf8');
    let from = 0;
    for (const heading of MILESTONE_HEADINGS) {
      const at = text.indexOf(`\n${heading}`, from);
      assert.ok(at >= 0, `${answers.background} ${file}: no "${heading}" after the previous heading`);
      from = at + 1;
    }
    assert.ok(text.includes(`## As ${personName(getBackground(answers.background))}\n`), `${file} addresses the background`);
    for (const criterion of milestone.acceptance) {
      const section = text.slice(text.indexOf(`#### \`${criterion.id}\``));
      assert.ok(section.startsWith(`#### \`${criterion.id}\`\n\n- **Sends:** ${criterion.sends}\n- **Expects:** ${criterion.expects}\n`), `${file}: test ${criterion.id}`);
    }
    for (const dependency of milestone.dependsOn) assert.ok(files.includes(`docs/milestones/${dependency.file}`), `${file} builds on a missing doc`);
  }
  const project = await readFile(path.join(destination, 'README.md'), 'utf8');
  assert.ok(project.includes(`(docs/milestones/${plan.first.file})`), 'the README points at the first milestone');
  // The deploy milestone's check reads these subsections by name.
  for (const heading of ['Problem', 'Design decisions', 'Trade-offs', 'What broke and how I found it', 'Numbers']) {
    assert.ok(project.includes(`\n## Case study\n`) && project.includes(`\n### ${heading}\n`), `the README's case study has ${heading}`);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The checks are written from the milestone data: every criterion of a milestone with a check file
 * has exactly one `criterion('<id>'` in it and no other, the data file carries core's criteria word
 * for word, and the manifest holds the sha256 of every file under milestones/.
 */
async function assertMilestoneChecks(destination: string, files: readonly string[], projectAnswers: ProjectAnswers): Promise<void> {
  const data = JSON.parse(await readFile(path.join(destination, 'milestones/milestones.json'), 'utf8')) as {
    milestones: { id: string; check: string | null; criteria: { id: string; statement: string }[] }[];
  };
  const core = buildPlan(getBackground(projectAnswers.background), findDomain(projectAnswers.domain)!, {
    ...projectAnswers,
    packageManager: packageManagerView(projectAnswers.packageManager),
  });
  assert.deepEqual(
    data.milestones.map((entry) => [entry.id, entry.criteria.map((criterion) => criterion.statement)]),
    core.milestones.map((planned) => [planned.milestone.id, planned.milestone.acceptance.map((criterion) => criterion.statement)]),
  );
  const withChecks = data.milestones.filter((entry) => entry.check !== null);
  assert.deepEqual(withChecks.map((entry) => entry.id).sort(), ['auth', 'ci-cd', 'concurrency', 'containers', 'deploy', 'failure-modes', 'first-endpoint', 'indexes', 'observability', 'orientation', 'schema-design', 'testing']);
  for (const entry of withChecks) {
    const source = await readFile(path.join(destination, entry.check!), 'utf8');
    const named = [...source.matchAll(/criterion\(\s*'([^']+)'/g)].map((match) => match[1]);
    assert.deepEqual(named, entry.criteria.map((criterion) => criterion.id), `${entry.check} tests exactly the criteria of ${entry.id}, in order`);
  }
  const manifest = JSON.parse(await readFile(path.join(destination, 'milestones/manifest.json'), 'utf8')) as { files: Record<string, string> };
  const underMilestones = files.filter((file) => file.startsWith('milestones/') && file !== 'milestones/manifest.json');
  assert.deepEqual(Object.keys(manifest.files).sort(), underMilestones.map((file) => file.slice('milestones/'.length)).sort());
  for (const [file, hash] of Object.entries(manifest.files)) {
    const bytes = await readFile(path.join(destination, 'milestones', file));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), hash, `manifest hash of ${file}`);
  }
}
