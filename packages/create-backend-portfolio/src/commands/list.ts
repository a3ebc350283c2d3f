import { parseListArgs } from '../args.js';
import { LIST_SUBJECTS, type ListSubject, printList } from '../actions/list.js';
import { listHelpText } from '../help.js';
import { ui } from '../ui.js';
import { UsageError } from './resolve.js';

/** `list backgrounds|domains`: prints the catalog. */
export async function listCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseListArgs(argv);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const { subject, json, help } = parsed.args;
  if (help) {
    ui.info(listHelpText());
    return 0;
  }
  const choices = `Choose one of: ${LIST_SUBJECTS.join(', ')}.`;
  if (subject === undefined) throw new UsageError(`list needs what to list. ${choices}`);
  if (!(LIST_SUBJECTS as readonly string[]).includes(subject)) throw new UsageError(`Unknown list "${subject}". ${choices}`);
  printList(subject as ListSubject, { json });
  return 0;
}
