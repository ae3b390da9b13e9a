import type { Question } from '../core/index.js';

/** One request to make: a question and a sample index. */
export interface WorkItem {
  question: Question;
  sample: number;
}

export function workKey(questionId: string, sample: number): string {
  return `${questionId}\u0000${sample}`;
}

/**
 * The items of a run that still need an outcome: every question × sample without a current
 * outcome, plus those explicitly asked again (`redo`, e.g. `candor retry --statuses …`).
 */
export function planWork(
  questions: readonly Question[],
  samples: number,
  done: ReadonlySet<string>,
  redo: ReadonlySet<string> = new Set(),
): { items: WorkItem[]; total: number; alreadyDone: number } {
  const items: WorkItem[] = [];
  let alreadyDone = 0;
  for (let sample = 0; sample < samples; sample += 1) {
    for (const question of questions) {
      const key = workKey(question.id, sample);
      if (done.has(key) && !redo.has(key)) alreadyDone += 1;
      else items.push({ question, sample });
    }
  }
  return { items, total: questions.length * samples, alreadyDone };
}
