import type { Question, QuestionSet } from '../core/index.js';

/** A question set as read from one file: the set's metadata and its questions in file order. */
export interface QuestionSetInput {
  set: QuestionSet;
  questions: Question[];
}
