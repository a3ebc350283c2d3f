import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { contentFile, destinationPath, type Feature, listFiles, type PlannedFile } from '../kit.js';
import { checksView, milestonesFile } from './view.js';

const TEMPLATES = 'milestones';

const sha256 = (content: string) => createHash('sha256').update(content).digest('hex');

/**
 * The self-checking milestones: `milestones/` holds the checks, the `milestone` command, the milestone
 * data and a sha256 manifest of all of them. Every file is rendered while planning, so the manifest
 * is computed from exactly the bytes that will be written.
 */
export const milestones: Feature = {
  name: 'milestones',
  async files({ view, templatesDir, destination }) {
    const root = path.join(templatesDir, TEMPLATES);
    const handlebars = Handlebars.create();
    const data = { ...view, ...checksView(view) };
    const rendered = await Promise.all(
      (await listFiles(root)).map(async (relative) => {
        const source = await readFile(path.join(root, relative), 'utf8');
        const content = relative.endsWith('.hbs') ? handlebars.compile(source, { noEscape: true, strict: true })(data) : source;
        return { relative: destinationPath(relative), content };
      }),
    );
    const checksOnDisk = new Set(rendered.map((file) => file.relative));
    rendered.push({ relative: `${TEMPLATES}/milestones.json`, content: `${JSON.stringify(milestonesFile(view, checksOnDisk), null, 2)}\n` });

    const prefix = `${TEMPLATES}/`;
    const manifest = {
      algorithm: 'sha256',
      files: Object.fromEntries(
        rendered
          .filter((file) => file.relative.startsWith(prefix))
          .map((file) => [file.relative.slice(prefix.length), sha256(file.content)] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    };
    const files: PlannedFile[] = rendered.map((file) => contentFile(path.join(destination, file.relative), file.content));
    files.push(contentFile(path.join(destination, TEMPLATES, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`));
    return files;
  },
};
