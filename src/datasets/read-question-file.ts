import { questionSetOrThrow } from './question-file-validation.js';
import type { QuestionSetInput } from './question-set-input.js';
import { validateQuestionFile, type QuestionFileOptions } from './validate-question-file.js';

/** Reads a question file in any supported format (see detectQuestionFileFormat); throws the first problem as an InputError. */
export async function readQuestionFile(path: string, options: QuestionFileOptions = {}): Promise<QuestionSetInput> {
  return questionSetOrThrow(await validateQuestionFile(path, options));
}
