import type { InputError } from '../core/index.js';
import { assembleQuestionSet, type NumberedQuestion } from './assemble-question-set.js';
import { fileStem } from './file-stem.js';
import { parseCandorQuestionRow } from './parse-candor-question-row.js';
import {
  type QuestionFileValidation,
  type QuestionReadOptions,
  type QuestionSetInput,
  questionSetOrThrow,
} from './question-set-input.js';
import { forEachJsonObjectLine } from './read-json-lines.js';

/** Reads a Candor JSONL question file (`.jsonl` or `.jsonl.gz`) and throws the first problem as an InputError. */
export async function readCandorJsonl(path: string, options: QuestionReadOptions = {}): Promise<QuestionSetInput> {
  return questionSetOrThrow(await validateCandorJsonl(path, options));
}

/**
 * Reads a Candor JSONL question file and collects every problem. A line that is not JSON ends
 * the scan (the line reader cannot resume after it), so problems after it surface on the next run.
 */
export async function validateCandorJsonl(
  path: string,
  options: QuestionReadOptions = {},
): Promise<QuestionFileValidation> {
  const defaultSetName = options.setName ?? fileStem(path);
  const rows: NumberedQuestion[] = [];
  const problems: InputError[] = [];
  await forEachJsonObjectLine(path, problems, (value, line) => {
    const result = parseCandorQuestionRow(value, { file: path, line, defaultSetName });
    if (result.question) rows.push({ line, question: result.question });
    else problems.push(...result.problems);
  });
  return assembleQuestionSet({ path, format: 'candor-jsonl', rows, problems, setField: 'set' });
}
