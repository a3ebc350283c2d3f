import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Assessment, AssessmentInputError, parseAssessment } from '@create-backend-portfolio/core';
import { UsageError } from '../commands/resolve.js';

/**
 * Reads an answers file or a saved report for `flag`. Every problem, from a missing file to one bad
 * answer, is one sentence naming the file and the field, before anything is written.
 */
export async function readAssessment(file: string, cwd: string, flag: string): Promise<Assessment> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new UsageError(`${flag} ${file}: cannot read it, ${reason}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${file}: not valid JSON (${(error as Error).message}).`);
  }
  try {
    return parseAssessment(data);
  } catch (error) {
    if (error instanceof AssessmentInputError) throw new UsageError(`${flag} ${file}: ${error.message} See docs/assessment.schema.json.`);
    throw error;
  }
}
