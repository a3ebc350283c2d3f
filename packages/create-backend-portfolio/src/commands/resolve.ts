import {
  BACKGROUND_IDS,
  type BackgroundId,
  DOMAIN_IDS,
  defaultDomain,
  domainsFor,
  findDomain,
  getBackground,
  isBackgroundId,
} from '@create-backend-portfolio/core';
import type { PackageManager, ProjectAnswers } from '@create-backend-portfolio/generators';
import type { CreateArgs } from '../args.js';
import { isPackageManager, packageManagerFromUserAgent } from '../package-manager.js';
import { checkTarget } from '../project-name.js';

export const DEFAULT_TARGET = 'backend-portfolio';
export const DEFAULT_BACKGROUND: BackgroundId = 'self-taught';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly hint?: string;
}

/** How the command asks for a missing value. The real one prompts; tests pass a script. */
export interface Asker {
  text(message: string, initial: string, validate: (value: string) => string | undefined): Promise<string>;
  select<T extends string>(message: string, choices: readonly Choice<T>[], initial: T): Promise<T>;
}

export interface ResolvedCreate {
  readonly target: string;
  readonly answers: ProjectAnswers;
  readonly install: boolean;
  readonly git: boolean;
  /** One line per value that was defaulted without asking, to be shown to the person. */
  readonly defaultsUsed: readonly string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Turns flags into complete answers: a flag wins, then a prompt when one may be shown, then the
 * default, which is reported. Bad values are refused before anything is asked or written.
 */
export async function resolveCreate(
  args: CreateArgs,
  { interactive, userAgent, ask }: { interactive: boolean; userAgent: string | undefined; ask: Asker },
): Promise<ResolvedCreate> {
  if (args.background !== undefined && !isBackgroundId(args.background)) {
    throw new UsageError(`Unknown background "${args.background}". Choose one of: ${BACKGROUND_IDS.join(', ')}.`);
  }
  if (args.domain !== undefined && findDomain(args.domain) === undefined) {
    throw new UsageError(`Unknown domain "${args.domain}". Choose one of: ${DOMAIN_IDS.join(', ')}.`);
  }
  if (args.pm !== undefined && !isPackageManager(args.pm)) {
    throw new UsageError(`Unknown package manager "${args.pm}". Choose one of: npm, pnpm, yarn, bun.`);
  }
  if (args.target !== undefined) {
    const check = checkTarget(args.target);
    if (!check.ok) throw new UsageError(check.reason);
  }

  const defaultsUsed: string[] = [];
  const fallback = <T>(what: string, value: T, shown: string = String(value)): T => {
    defaultsUsed.push(`${what}: ${shown}`);
    return value;
  };

  const target =
    args.target ??
    (interactive
      ? await ask.text('Where should the project go?', DEFAULT_TARGET, (value) => {
          const check = checkTarget(value);
          return check.ok ? undefined : check.reason;
        })
      : fallback('folder', DEFAULT_TARGET));
  const name = checkTarget(target);
  if (!name.ok) throw new UsageError(name.reason);

  const backgroundId: BackgroundId =
    (args.background as BackgroundId | undefined) ??
    (interactive
      ? await ask.select(
          'Where are you coming from?',
          BACKGROUND_IDS.map((id) => ({ value: id, label: getBackground(id).name })),
          DEFAULT_BACKGROUND,
        )
      : fallback('background', DEFAULT_BACKGROUND));
  const background = getBackground(backgroundId);

  const domain =
    args.domain ??
    (interactive
      ? await ask.select(
          'What should the project be about?',
          domainsFor(background).map((d) => ({
            value: d.id,
            label: d.name,
            hint: background.suggestedDomains.includes(d.id) ? `suggested: ${d.tagline}` : d.tagline,
          })),
          defaultDomain(background).id,
        )
      : fallback('domain', defaultDomain(background).id));

  const detected = packageManagerFromUserAgent(userAgent);
  const packageManager: PackageManager =
    (args.pm as PackageManager | undefined) ?? detected ?? fallback('package manager', 'npm' as const);

  return {
    target,
    answers: { projectName: name.packageName, background: backgroundId, domain, packageManager },
    install: args.install,
    git: args.git,
    defaultsUsed,
  };
}
