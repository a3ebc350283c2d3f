import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentFile, type Feature, listFiles, type PlannedFile } from '../kit.js';
import { MILESTONES_DIR } from '../view/plan.js';

/**
 * Templates the project's `pnpm gen resource` renders, copied from the ones this project's own resource was
 * rendered from, so a generated resource reads like the first one. Keys are paths under `templates/`,
 * values their place under the project's `gen/templates/`.
 */
const SHARED_TEMPLATES: Readonly<Record<string, string>> = {
  'resource/src/resources/__table__/__table__.openapi.ts.hbs': 'resource/src/resources/__table__/__table__.openapi.ts.hbs',
  'resource/src/resources/__table__/__table__.repository.ts.hbs': 'resource/src/resources/__table__/__table__.repository.ts.hbs',
  'resource/src/resources/__table__/__table__.router.ts.hbs': 'resource/src/resources/__table__/__table__.router.ts.hbs',
  'resource/src/resources/__table__/__table__.schema.ts.hbs': 'resource/src/resources/__table__/__table__.schema.ts.hbs',
  'resource/test/__table__.test.ts.hbs': 'resource/test/__table__.test.ts.hbs',
  'database/schema/test/support/fixtures.ts.hbs': 'resource/test/support/__table__.fixtures.ts.hbs',
  'database/migration/src/db/migrations/__migration__.ts.hbs': 'resource/src/db/migrations/__migration__.ts.hbs',
};

/**
 * `pnpm gen`: the project's own plopfile and generators (`templates/gen`, copied as they are, since the
 * project renders its templates itself), the shared templates, and the milestones its TODO tests name.
 */
export const gen: Feature = {
  name: 'gen',
  async files({ view, templatesDir, destination }) {
    const copy = async (from: string, to: string): Promise<PlannedFile> =>
      contentFile(path.join(destination, 'gen', to), await readFile(path.join(templatesDir, from), 'utf8'));
    const own = await listFiles(path.join(templatesDir, 'gen'));
    // Written from the plan, so the TODO tests name the milestones and docs of this very project.
    const milestones = Object.fromEntries(
      view.plan.milestones.map((milestone) => [milestone.id, { id: milestone.id, title: milestone.title, doc: `${MILESTONES_DIR}/${milestone.file}` }]),
    );
    return [
      ...(await Promise.all(own.map((relative) => copy(path.join('gen', relative), relative)))),
      ...(await Promise.all(Object.entries(SHARED_TEMPLATES).map(([from, to]) => copy(from, path.join('templates', to))))),
      contentFile(path.join(destination, 'gen/milestones.json'), `${JSON.stringify(milestones, null, 2)}\n`),
    ];
  },
};
