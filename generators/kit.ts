import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionType } from 'node-plop';
import type { ProjectView } from './view/project.js';

/** What a feature gets to describe its files: the answers, seen as a view, and ways to name templates. */
export interface FeatureContext {
  readonly view: ProjectView;
  readonly templatesDir: string;
  readonly destination: string;
}

/** One file a feature will write: where, and the node-plop action that writes it. */
export interface PlannedFile {
  readonly target: string;
  readonly action: ActionType;
}

export interface Feature {
  readonly name: string;
  files(context: FeatureContext): Promise<PlannedFile[]>;
}

/**
 * Where a template lands. Dotfiles ship as `_name` because npm strips some dotfiles from
 * published tarballs; `__key__` segments are filled from `names`; `.hbs` marks a template.
 */
export function destinationPath(relative: string, names: Readonly<Record<string, string>> = {}): string {
  return relative
    .split('/')
    .map((segment) => {
      let out = segment.replace(/__(\w+)__/g, (whole, key: string) => {
        const value = names[key];
        if (value === undefined) throw new Error(`template path ${relative} needs a value for ${whole}`);
        return value;
      });
      if (out.endsWith('.hbs')) out = out.slice(0, -'.hbs'.length);
      return out.startsWith('_') && !out.startsWith('__') ? `.${out.slice(1)}` : out;
    })
    .join('/');
}

export async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => {
        const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
        return entry.isDirectory() ? listFiles(root, relative) : Promise.resolve([relative]);
      }),
  );
  return files.flat();
}

/** Renders a template file with data, at plan time; see `templateFolder`'s `render`. */
export type Render = (templateFile: string, data: object) => Promise<string>;

/**
 * One action per file under `templates/<folder>`: `.hbs` files are rendered by node-plop with the
 * view (plus `data`), every other file is copied byte for byte. With `render`, `.hbs` files are
 * rendered by it instead, while planning, with the view and `data`. `only` picks some of the files.
 */
export async function templateFolder(
  context: FeatureContext,
  folder: string,
  options: { names?: Record<string, string>; data?: Record<string, unknown>; render?: Render; only?: (relative: string) => boolean } = {},
): Promise<PlannedFile[]> {
  const root = path.join(context.templatesDir, folder);
  const files = (await listFiles(root)).filter(options.only ?? (() => true));
  return Promise.all(files.map(async (relative) => {
    const target = path.join(context.destination, destinationPath(relative, options.names));
    if (relative.endsWith('.hbs') && options.render !== undefined) {
      return contentFile(target, await options.render(path.join(root, relative), { ...context.view, ...options.data }));
    }
    if (relative.endsWith('.hbs')) {
      const action: ActionType = {
        type: 'add',
        path: target,
        templateFile: path.join(root, relative),
        data: options.data ?? {},
        abortOnFail: true,
      };
      return { target, action };
    }
    return { target, action: copyAction(path.join(root, relative), target) };
  }));
}

function copyAction(source: string, target: string): ActionType {
  const action = async () => {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target, constants.COPYFILE_EXCL);
    return target;
  };
  return action;
}

/** A file whose content is computed in code (package.json, docs rendered by core). */
export function contentFile(target: string, content: string): PlannedFile {
  const action = async () => {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, { flag: 'wx' });
    return target;
  };
  return { target, action };
}
