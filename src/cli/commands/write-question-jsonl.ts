import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Question } from '../../core/index.js';
import { toCandorJsonl } from '../../datasets/index.js';
import { questionToCandorRow } from '../../datasets/question-to-candor-row.js';

/** Writes questions as a Candor JSONL file (readable by readQuestionFile); returns the absolute path. */
export function writeQuestionJsonl(path: string, cwd: string, questions: readonly Question[]): string {
  const absolute = resolve(cwd, path);
  writeFileSync(absolute, toCandorJsonl(questions.map(questionToCandorRow)));
  return absolute;
}
