import type { InputError, Question, QuestionSet } from '../core/index.js';

/** A question set as read from one file: the set's metadata and its questions in file order. */
export interface QuestionSetInput {
  set: QuestionSet;
  questions: Question[];
}

/** The question-file formats Candor reads; recorded as `QuestionSet.format`. */
export type QuestionFileFormat = 'speechmap' | 'candor-jsonl' | 'candor-csv';

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

/** Options shared by the question-file readers. */
export interface QuestionReadOptions {
  /**
   * Name of the set. SpeechMap files: replaces the rows' `category`. Candor files: used for
   * rows without a `set` field, instead of the file name.
   */
  setName?: string;
}
