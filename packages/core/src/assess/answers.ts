import { BACKGROUND_IDS, type BackgroundId } from '../model.js';
import { type Answer, ANSWERS, QUESTIONS } from './questions.js';

/** A filled-in questionnaire: every question answered, and optionally the background it was taken for. */
export interface Assessment {
  readonly background?: BackgroundId;
  readonly answers: Readonly<Record<string, Answer>>;
}

/** A problem in an answers file, naming the field the way the JSON has it. */
export class AssessmentInputError extends Error {
  override name = 'AssessmentInputError';
  constructor(readonly field: string, readonly problem: string) {
    super(`${field} ${problem}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

/**
 * Pure: an answers file, or a saved report (which carries its answers), checked field by field. The
 * first problem is thrown as an AssessmentInputError; the same rules are published as a JSON Schema.
 */
export function parseAssessment(input: unknown): Assessment {
  if (!isRecord(input)) throw new AssessmentInputError('The file', 'must hold a JSON object with an "answers" object.');
  const { background, answers } = input;
  if (background !== undefined && background !== null && !(BACKGROUND_IDS as readonly unknown[]).includes(background)) {
    throw new AssessmentInputError('background', `must be one of ${quoted(BACKGROUND_IDS)}; got ${JSON.stringify(background)}.`);
  }
  if (!isRecord(answers)) throw new AssessmentInputError('answers', `must be an object with one entry per question; got ${JSON.stringify(answers) ?? 'nothing'}.`);
  const known = new Set(QUESTIONS.map((question) => question.id));
  const unknown = Object.keys(answers).find((id) => !known.has(id));
  if (unknown !== undefined) throw new AssessmentInputError(`answers.${unknown}`, `is not a question. The questions are: ${[...known].join(', ')}.`);
  for (const question of QUESTIONS) {
    const value = answers[question.id];
    if (value === undefined) throw new AssessmentInputError(`answers.${question.id}`, `is missing. Answer ${quoted(ANSWERS)}: ${question.text}`);
    if (!(ANSWERS as readonly unknown[]).includes(value)) {
      throw new AssessmentInputError(`answers.${question.id}`, `must be one of ${quoted(ANSWERS)}; got ${JSON.stringify(value)}.`);
    }
  }
  const ordered = Object.fromEntries(QUESTIONS.map((question) => [question.id, answers[question.id] as Answer]));
  return background === undefined || background === null ? { answers: ordered } : { background: background as BackgroundId, answers: ordered };
}

/** The published JSON Schema of an answers file, built from the same questions the parser checks. */
export function assessmentJsonSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Fit assessment answers',
    description: 'The input of `create-backend-portfolio assess --answers`, `plan --assessment` and the scaffold\'s `--assessment`. A saved JSON report is accepted too: it carries these fields.',
    type: 'object',
    required: ['answers'],
    properties: {
      background: { enum: [...BACKGROUND_IDS], description: 'The background the answers were given for; --background on the command line wins.' },
      answers: {
        type: 'object',
        additionalProperties: false,
        required: QUESTIONS.map((question) => question.id),
        properties: Object.fromEntries(QUESTIONS.map((question) => [question.id, { enum: [...ANSWERS], description: question.text }])),
      },
    },
  };
}
