import type { NodePlopAPI } from 'node-plop';
import { type Answers, GENERATORS } from './generators.js';
import { GenError } from './names.js';
import { ROOT } from './project.js';

/**
 * The project's plopfile: the `gen` script loads it through node-plop (see cli.ts). Each prompt checks its
 * answer with the same rules as the command-line arguments, so a bad name is refused while you type.
 */
export default function plopfile(plop: NodePlopAPI): void {
  for (const [name, definition] of Object.entries(GENERATORS)) {
    plop.setGenerator(name, {
      description: definition.description,
      prompts: definition.prompts.map((prompt) => ({
        ...prompt,
        validate: (value: string, answers?: Answers) => {
          try {
            definition.plan({ ...answers, [String(prompt.name)]: value }, ROOT, new Date());
            return true;
          } catch (error) {
            if (error instanceof GenError) return error.message;
            throw error;
          }
        },
      })),
      // A function: node-plop would otherwise keep and mutate one array across runs.
      actions: (answers) => definition.plan(answers ?? {}, ROOT, new Date()),
    });
  }
}
