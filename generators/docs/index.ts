import { type Feature, templateFolder } from '../kit.js';
import { docsRenderer } from './render.js';

export { FIT_TEMPLATE, PLAN_TEMPLATE, renderFitMarkdown, renderPlanMarkdown } from './render.js';

/** A template written once per milestone of the plan, named after it: `docs/milestones/__milestone__.md.hbs`. */
const perMilestone = (relative: string) => relative.includes('__milestone__');

/** The project README, the architecture map, the ADR template, and the milestone plan with one doc per milestone. */
export const docs: Feature = {
  name: 'docs',
  async files(context) {
    const render = docsRenderer();
    const once = await templateFolder(context, 'docs', { render, only: (relative) => !perMilestone(relative), data: { mentor: context.view.answers.mentor === true } });
    const milestones = await Promise.all(
      context.view.plan.milestones.map((milestone) =>
        templateFolder(context, 'docs', { render, only: perMilestone, names: { milestone: milestone.stem }, data: { milestone } }),
      ),
    );
    return [...once, ...milestones.flat()];
  },
};
