import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOMAIN_IDS, findDomain, INCIDENT_IDS, incidentScenarios, independentColumns } from '@create-backend-portfolio/core';
import { renderProject } from '../index.js';
import { loadIncidentFixes } from '../incidents/fixes/index.js';
import { projectReader, projectView } from '../solutions/index.js';
import { postmortemProblem } from '../../templates/incidents/incidents/postmortem.js';
import { testAnswers } from './answers.js';

const templatesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');

interface ScenarioData {
  id: string;
  symptom: string;
  title: string;
  report: string;
  fault: { file: string; find: string; replace: string };
}

describe('incident drills', () => {
  let root = '';
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'cbp-incidents-unit-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives every domain one drill per symptom class, on two columns nothing ties together', () => {
    for (const id of DOMAIN_IDS) {
      const domain = findDomain(id)!;
      const scenarios = incidentScenarios(domain);
      assert.deepEqual(scenarios.map((scenario) => scenario.id), [...INCIDENT_IDS]);
      assert.deepEqual(scenarios.map((scenario) => scenario.symptom).sort(), ['errors', 'inconsistency', 'latency']);
      const [first, second] = independentColumns(domain);
      assert.notEqual(first.name, second.name, id);
      const table = domain.tables.find((candidate) => candidate.name === domain.primaryResource)!;
      for (const column of [first, second]) {
        assert.ok(column.references === undefined && column.unique !== true, `${id}.${column.name} is a key`);
        assert.ok(!(table.uniques ?? []).flat().includes(column.name), `${id}.${column.name} is in a unique key`);
        assert.ok(!(table.checks ?? []).some((check) => check.sql.includes(column.name)), `${id}.${column.name} is in a CHECK`);
      }
    }
  });

  for (const domain of DOMAIN_IDS) {
    it(`${domain}: ships each fault as an edit of the rendered repository, and never the cause; the known fix undoes it`, async () => {
      const project = path.join(root, domain);
      await mkdir(project);
      const written = await renderProject(testAnswers({ projectName: domain, domain }), { destination: project, templatesDir });
      assert.ok(written.includes('incidents/scenarios.json') && written.includes('docs/incidents/TEMPLATE.md'), written.join(', '));
      const pkg = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
      assert.equal(pkg.scripts.incident, 'tsx incidents/cli.ts');
      assert.match(await readFile(path.join(project, '.gitignore'), 'utf8'), /^\.incident\/$/m);

      const shipped = await readFile(path.join(project, 'incidents/scenarios.json'), 'utf8');
      const data = JSON.parse(shipped) as { scenarios: ScenarioData[] };
      const fixes = await loadIncidentFixes();
      const view = await projectView(project);
      for (const scenario of incidentScenarios(findDomain(domain)!)) {
        assert.ok(!shipped.includes(scenario.cause), `scenarios.json names the cause of ${scenario.id}`);
        const entry = data.scenarios.find((candidate) => candidate.id === scenario.id)!;
        const source = await readFile(path.join(project, entry.fault.file), 'utf8');
        const find = decode(entry.fault.find);
        assert.equal(source.split(find).length, 2, `${scenario.id}: the scaffold's code appears exactly once in ${entry.fault.file}`);
        const faulty = source.replace(find, decode(entry.fault.replace));
        assert.notEqual(faulty, source);

        // The known fix is written on top of the faulty file, as after `incident start`.
        const files = await fixes.get(scenario.id)!.files(view, async (relative) => (relative === entry.fault.file ? faulty : projectReader(project)(relative)));
        const code = files.find((file) => file.relative === entry.fault.file)!.content;
        assert.ok(!code.includes(decode(entry.fault.replace)), `${scenario.id}: the fix leaves the fault in`);
        const test = files.find((file) => file.relative.startsWith('test/'))!;
        assert.match(test.content, new RegExp(`describe\\('${scenario.id}: `));
        const postmortem = files.find((file) => file.relative === `docs/incidents/${scenario.id}.md`)!;
        assert.equal(postmortemProblem(await readFile(path.join(project, 'docs/incidents/TEMPLATE.md'), 'utf8'), postmortem.content), undefined);
      }
    });
  }

  it('accepts a postmortem only with every section written in its own words', async () => {
    const template = await readFile(path.join(templatesDir, 'incidents/docs/incidents/TEMPLATE.md'), 'utf8');
    assert.match(postmortemProblem(template, template) ?? '', /replace the template's text/);
    const sections = ['Summary', 'Impact', 'Timeline', 'Detection', 'Root cause', 'Resolution', 'Action items'];
    const written = (skip: string, empty: string) =>
      ['# Postmortem: slow list', ...sections.filter((name) => name !== skip).flatMap((name) => ['', `## ${name}`, '', name === empty ? '' : `Our own account of the ${name}.`])].join('\n');
    assert.equal(postmortemProblem(template, written('', '')), undefined);
    assert.match(postmortemProblem(template, written('Detection', '')) ?? '', /add the "## detection" section/);
    assert.match(postmortemProblem(template, written('', 'Root cause')) ?? '', /write the "root cause" section/);
  });
});

