import { BACKGROUND_IDS, DOMAIN_IDS } from '@create-backend-portfolio/core';
import { CREATE_FLAGS } from './args.js';

/** Pure: the --help text, built from the same flag table the parser uses. */
export function helpText(): string {
  const width = Math.max(...CREATE_FLAGS.map((flag) => `--${flag.name} ${flag.value ?? ''}`.length));
  const flags = CREATE_FLAGS.map((flag) => `  ${`--${flag.name} ${flag.value ?? ''}`.padEnd(width)}  ${flag.description}`);
  return [
    'Usage: create-backend-portfolio [dir] [options]',
    '',
    'Scaffolds an Express 5 + TypeScript + PostgreSQL backend, with milestones tuned to your background.',
    '',
    'Options:',
    ...flags,
    '',
    `Backgrounds: ${BACKGROUND_IDS.join(', ')}`,
    `Domains:     ${DOMAIN_IDS.join(', ')}`,
    '',
    'Examples:',
    '  pnpm create backend-portfolio my-api',
    '  pnpm create backend-portfolio my-api --background frontend --domain ticketing --yes',
    '  npm create backend-portfolio@latest my-api -- --background qa --no-install',
  ].join('\n');
}
