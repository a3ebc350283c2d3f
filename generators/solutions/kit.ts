import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { json, lowercase, string } from '../helpers.js';
import type { ProjectView } from '../view/project.js';

/** A file a reference solution or a mistake writes, relative to the project, replacing what is there. */
export interface SolutionFile {
  readonly relative: string;
  readonly content: string;
}

/** Reads a file of the project a mistake edits, relative to its root. */
export type ProjectReader = (relative: string) => Promise<string>;

/**
 * A common mistake, applied on top of the reference solution: the check must fail with the criteria
 * it names. Each one is the kind of code a reviewer sees in a real pull request.
 */
export interface Mistake {
  /** What the mistake is, in a reviewer's words. */
  readonly name: string;
  /** The acceptance criteria the check must report as failed; a function when they depend on the domain (its kind of race, say). */
  readonly fails: readonly string[] | ((view: ProjectView) => readonly string[]);
  /** The files to replace; a mistake that finds nothing to change must throw, so a drifted fixture cannot pass silently. */
  edit(view: ProjectView, read: ProjectReader): Promise<SolutionFile[]>;
}

/** One milestone's reference solution and the mistakes its check must catch. */
export interface MilestoneSolution {
  /**
   * The files the solution writes. Solutions are applied one after another in milestone order, and
   * `read` sees what the earlier ones wrote, so a shared file is patched rather than re-rendered.
   */
  files(view: ProjectView, templatesDir: string, read: ProjectReader): Promise<SolutionFile[]>;
  readonly mistakes: readonly Mistake[];
}

/**
 * The modules in `dir` named after the given ids (`<id>.ts`), each one's default export, for the ids that
 * have one: how reference solutions and known fixes are found, so adding one is adding a file.
 */
export async function loadByName<Id extends string, T>(dir: string, ids: readonly Id[]): Promise<Map<Id, T>> {
  const found = new Map<Id, T>();
  for (const id of ids) {
    const file = path.join(dir, `${id}.ts`);
    if (existsSync(file)) found.set(id, ((await import(file)) as { default: T }).default);
  }
  return found;
}

/** The same escaping and helpers node-plop uses for the scaffold, so a solution reads like generated code. */
export function renderer() {
  const handlebars = Handlebars.create();
  handlebars.registerHelper({ json, lowercase, string });
  return async (templateFile: string, data: object) => handlebars.compile(await readFile(templateFile, 'utf8'))(data);
}

/**
 * A generated test file's suite on the project's test app, as the scaffold's own tests are written: one app
 * per file, empty tables before each test. `body` is the suite's tests, indented, ending in a newline.
 */
export function testAppSuite(title: string, body: string): string {
  return `describe('${title}', () => {
  let ctx: TestApp;

  beforeAll(() => {
    ctx = createTestApp();
  });

  beforeEach(async () => {
    await resetDatabase(ctx.db);
  });

  afterAll(async () => {
    await ctx.close();
  });

${body}});
`;
}

/** Replaces `from` in `source`, and throws when it is not there: a fixture that no longer applies is a broken fixture. */
export function mutate(source: string, from: string | RegExp, to: string, what: string): string {
  const result = source.replace(from, to);
  if (result === source) throw new Error(`mistake fixture "${what}" does not apply: ${String(from)} not found`);
  return result;
}

/** The criteria a mistake must fail in the project the view describes. */
export function failsOf(mistake: Mistake, view: ProjectView): readonly string[] {
  return typeof mistake.fails === 'function' ? mistake.fails(view) : mistake.fails;
}
