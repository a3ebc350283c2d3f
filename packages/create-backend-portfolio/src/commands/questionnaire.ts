import { ANSWER_LABELS, ANSWERS, type Answer, type Assessment, type BackgroundId, QUESTIONS } from '@create-backend-portfolio/core';
import type { Asker } from './resolve.js';

/** Asks every question of the fit assessment in order. Pure given the asker: tests pass a script. */
export async function askAssessment(ask: Asker, background: BackgroundId): Promise<Assessment> {
  const answers: Record<string, Answer> = {};
  for (const [index, question] of QUESTIONS.entries()) {
    answers[question.id] = await ask.select(
      `(${index + 1}/${QUESTIONS.length}) ${question.text}`,
      ANSWERS.map((answer) => ({ value: answer, label: ANSWER_LABELS[answer] })),
      'no',
    );
  }
  return { background, answers };
}
