import { InputError, type Question } from '../core/index.js';
import type { QuestionFileFormat, QuestionFileValidation } from './question-set-input.js';
import { createHash } from 'node:crypto';

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

/**
 * sha256 (hex) of the canonical JSON of the questions sorted by id: the same questions give the
 * same hash whatever their order in the file or the key order of the rows they were read from.
 */
export function hashQuestions(questions: readonly Question[]): string {
  const sorted = [...questions].sort(
    (left, right) => compareCodeUnits(left.id, right.id) || compareCodeUnits(left.setName, right.setName),
  );
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}

// Not localeCompare: the order must not depend on the machine's locale.
function compareCodeUnits(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

/** JSON with object keys sorted and no whitespace; undefined properties are left out as JSON.stringify does. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareCodeUnits);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
