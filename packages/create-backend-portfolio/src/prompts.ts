import * as p from '@clack/prompts';
import type { Asker } from './commands/resolve.js';

export class Cancelled extends Error {
  override name = 'Cancelled';
}

function unwrap<T>(value: T | symbol): T {
  if (p.isCancel(value) || typeof value === 'symbol') throw new Cancelled('Cancelled: nothing was written.');
  return value;
}

/**
 * Questions go to stderr, like warnings: stdout carries only what a command produces, so
 * `assess --format json > fit.json` asks at the terminal and writes nothing but the report to the file.
 */
const output = process.stderr;

/** The interactive asker, used only when stdin is a TTY. */
export const clackAsker: Asker = {
  async text(message, initial, validate) {
    const value = await p.text({ message, placeholder: initial, defaultValue: initial, validate: (input) => validate(input || initial), output });
    return unwrap<string>(value);
  },
  async select(message, choices, initial) {
    const options = choices.map((choice) => ({ value: choice.value, label: choice.label, hint: choice.hint }));
    return unwrap(await p.select({ message, options: options as never, initialValue: initial, output })) as typeof initial;
  },
};
