import { type Feature, templateFolder } from '../kit.js';
import type { PackageManagerView } from '../view/project.js';
import { docsRenderer } from './render.js';

export { FIT_TEMPLATE, PLAN_TEMPLATE, renderFitMarkdown, renderPlanMarkdown } from './render.js';

/** A template written once per milestone of the plan, named after it: `docs/milestones/__milestone__.md.hbs`. */
const perMilestone = (relative: string) => relative.includes('__milestone__');

/**
 * The README's quick-start commands, padded to one width so their `#` comments line up whatever the
 * package manager: `pnpm install && pnpm dev` and `npm install && npm run dev` differ in length.
 */
function quickStart({ install, run }: PackageManagerView): { dev: string; test: string } {
  const dev = `${install} && ${run} dev`;
  const test = `${run} test`;
  const width = Math.max(dev.length, test.length) + 4;
  return { dev: dev.padEnd(width), test: test.padEnd(width) };
}

/** The project README, the architecture map, the ADR template, and the milestone plan with one doc per milestone. */
export const docs: Feature = {
  name: 'docs',
  async files(context) {
    const render = docsRenderer();
    const data = { mentor: context.view.answers.mentor === true, quickStart: quickStart(context.view.pm) };
    const once = await templateFolder(context, 'docs', { render, only: (relative) => !perMilestone(relative), data });
    const milestones = await Promise.all(
      context.view.plan.milestones.map((milestone) =>
        templateFolder(context, 'docs', { render, only: perMilestone, names: { milestone: milestone.stem }, data: { milestone } }),
      ),
    );
    return [...once, ...milestones.flat()];
  },
};
