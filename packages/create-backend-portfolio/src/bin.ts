#!/usr/bin/env node
import { localDate } from './clock.js';
import { main } from './main.js';
import { findTemplatesDir, packageVersion } from './paths.js';

const here = import.meta.dirname;

// A reader that stops early (`plan --format json | head`) closes the pipe: the output ends there, nothing failed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), {
  // The checkout's root script runs in the repository root; INIT_CWD is where the person typed it.
  cwd: (process.env.npm_lifecycle_event === 'create-backend-portfolio' ? process.env.INIT_CWD : undefined) ?? process.cwd(),
  env: process.env,
  stdinIsTTY: process.stdin.isTTY === true,
  templatesDir: findTemplatesDir(here),
  version: packageVersion(here),
  today: localDate(new Date()),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
