import type { InputError } from '../core/index.js';
import type { QuestionSetInput } from './question-set-input.js';

/** Every problem found in a question file, ordered by line; `input` is present only when there are none. */
export interface QuestionFileValidation {
  problems: InputError[];
  input?: QuestionSetInput;
}

/** Returns the question set of a validation, or throws its first problem. */
export function questionSetOrThrow(validation: QuestionFileValidation): QuestionSetInput {
  const [firstProblem] = validation.problems;
  if (firstProblem) throw firstProblem;
  if (!validation.input) throw new Error('a question-file validation without problems must carry its input');
  return validation.input;
}
