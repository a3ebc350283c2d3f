import { existsSync } from 'node:fs';
import path from 'node:path';
import { docsRenderer } from '../docs/render.js';
import { type Feature, templateFolder } from '../kit.js';
import { mentorView } from './view.js';

/** A template written once per milestone, named after the milestone's doc: `docs/mentor/__milestone__.md.hbs`. */
const perMilestone = (relative: string) => relative.includes('__milestone__');

/**
 * `--mentor`: `docs/mentor/` with an index and, per milestone, a rubric and notes on the reference approach,
 * written from core's rubrics for the project's domain. Nothing at all without the flag.
 */
export const mentor: Feature = {
  name: 'mentor',
  async files(context) {
    if (!context.view.answers.mentor) return [];
    const render = docsRenderer();
    // A milestone has an automated check exactly when its check template exists, as in the milestones feature.
    const checks = path.join(context.templatesDir, 'milestones', 'milestones', 'checks');
    const data = mentorView(context.view, (id) => existsSync(path.join(checks, `${id}.check.ts.hbs`)));
    const once = await templateFolder(context, 'mentor', { render, only: (relative) => !perMilestone(relative), data: { mentor: data } });
    const milestones = await Promise.all(
      data.milestones.map((entry) =>
        templateFolder(context, 'mentor', {
          render,
          only: perMilestone,
          names: { milestone: entry.milestone.stem },
          data: { mentor: data, entry },
        }),
      ),
    );
    return [...once, ...milestones.flat()];
  },
};
