import { InputError, type Question } from '../core/index.js';
import { hashQuestions } from './hash-question-set.js';
import type { QuestionFileFormat } from './question-file-format.js';
import type { QuestionFileValidation } from './question-file-validation.js';

/** A question with the physical line of the file it was read from. */
export interface NumberedQuestion {
  line: number;
  question: Question;
}

export interface AssembleQuestionSetInput {
  path: string;
  format: QuestionFileFormat;
  rows: readonly NumberedQuestion[];
  /** Problems already found in single rows. */
  problems: readonly InputError[];
  /** The field a row's set name comes from, named when rows disagree (`set`, `category`). */
  setField: string;
}

/**
 * Applies the checks that span rows (one set per file, unique ids, not empty), orders the
 * problems by line, and builds the QuestionSet with its content hash when there are none.
 */
export function assembleQuestionSet(input: AssembleQuestionSetInput): QuestionFileValidation {
  const { path, rows } = input;
  const problems = [...input.problems];
  if (rows.length === 0 && problems.length === 0) {
    problems.push(new InputError({ file: path }, 'file has no questions; add at least one row'));
  }

  const [firstRow] = rows;
  const firstLineOfId = new Map<string, number>();
  for (const { line, question } of rows) {
    if (firstRow && question.setName !== firstRow.question.setName) {
      problems.push(
        new InputError(
          { file: path, line, field: input.setField },
          `set "${question.setName}" differs from set "${firstRow.question.setName}" on line ${firstRow.line}; a file holds one set, split it into one file per set`,
        ),
      );
    }
    const earlierLine = firstLineOfId.get(question.id);
    if (earlierLine === undefined) firstLineOfId.set(question.id, line);
    else {
      problems.push(
        new InputError(
          { file: path, line, field: 'id' },
          `duplicate id "${question.id}" (first on line ${earlierLine}); ids must be unique within a set`,
        ),
      );
    }
  }

  if (problems.length > 0 || !firstRow) return { problems: sortByLine(problems) };
  const questions = rows.map((row) => row.question);
  return {
    problems: [],
    input: {
      set: {
        name: firstRow.question.setName,
        title: null,
        source: path,
        format: input.format,
        contentHash: hashQuestions(questions),
      },
      questions,
    },
  };
}

// Stable: problems on the same line keep the order they were found in; file-level problems come first.
function sortByLine(problems: InputError[]): InputError[] {
  return [...problems].sort((left, right) => (left.location.line ?? 0) - (right.location.line ?? 0));
}
