import { BACKGROUNDS } from './backgrounds/index.js';
import { DOMAINS } from './domains/index.js';
import type { Background, BackgroundId, Domain } from './model.js';
import { BACKGROUND_IDS } from './model.js';

export function isBackgroundId(value: string): value is BackgroundId {
  return (BACKGROUND_IDS as readonly string[]).includes(value);
}

export function getBackground(id: BackgroundId): Background {
  const background = BACKGROUNDS.find((candidate) => candidate.id === id);
  if (background === undefined) throw new Error(`background ${id} has no profile`);
  return background;
}

export function findDomain(id: string): Domain | undefined {
  return DOMAINS.find((domain) => domain.id === id);
}

export const DOMAIN_IDS: readonly string[] = DOMAINS.map((domain) => domain.id);

/** The domains a background suggests that exist, first, then every other domain. */
export function domainsFor(background: Background): readonly Domain[] {
  const suggested = background.suggestedDomains.flatMap((id) => findDomain(id) ?? []);
  return [...suggested, ...DOMAINS.filter((domain) => !suggested.includes(domain))];
}

export function defaultDomain(background: Background): Domain {
  const [first] = domainsFor(background);
  if (first === undefined) throw new Error('no domains are defined');
  return first;
}
