import { imageView } from '../container/index.js';
import { type Feature, type FeatureContext, type PlannedFile, templateFolder } from '../kit.js';

/** A place the image can be deployed to. Its files are `templates/deploy/<id>/`, always with a `docs/deploy.md`. */
export interface DeployTarget<Id extends string = string> {
  readonly id: Id;
  /** How the CLI names it in a prompt, with a one-line hint. */
  readonly label: string;
  readonly hint: string;
  files(context: FeatureContext): Promise<PlannedFile[]>;
}

/** A target whose files are exactly its template folder, rendered with the image facts every target needs. */
export function deployTarget<const Id extends string>(spec: { id: Id; label: string; hint: string }): DeployTarget<Id> {
  return {
    ...spec,
    files: (context) => templateFolder(context, `deploy/${spec.id}`, { data: { image: imageView(context.view), target: spec } }),
  };
}

/** The feature that writes the chosen target's files. */
export function deployFeature(targets: readonly DeployTarget[]): Feature {
  return {
    name: 'deploy',
    async files(context) {
      const target = targets.find((candidate) => candidate.id === context.view.answers.deploy);
      if (target === undefined) throw new Error(`unknown deploy target ${context.view.answers.deploy}`);
      return target.files(context);
    },
  };
}
