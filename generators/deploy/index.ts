import compose from './compose.js';
import fly from './fly.js';
import kubernetes from './kubernetes.js';
import { deployFeature } from './kit.js';
import render from './render.js';

export type { DeployTarget } from './kit.js';

/**
 * Every deploy target, in the order the CLI offers them; the first is the default. A new target is a
 * file next to this one, its templates in `templates/deploy/<id>/`, and one entry here.
 */
export const DEPLOY_TARGETS = [compose, fly, render, kubernetes] as const;

export type DeployTargetId = (typeof DEPLOY_TARGETS)[number]['id'];
export const DEPLOY_TARGET_IDS: readonly DeployTargetId[] = DEPLOY_TARGETS.map((target) => target.id);
export const DEFAULT_DEPLOY_TARGET: DeployTargetId = 'compose';

export function isDeployTarget(value: string): value is DeployTargetId {
  return (DEPLOY_TARGET_IDS as readonly string[]).includes(value);
}

/** The chosen target's files: its config and `docs/deploy.md`. */
export const deploy = deployFeature(DEPLOY_TARGETS);
