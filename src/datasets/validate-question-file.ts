import { InputError } from '../core/index.js';
import { detectQuestionFileFormat } from './detect-question-file-format.js';
import type { QuestionFileFormat } from './question-file-format.js';
import type { QuestionFileValidation } from './question-file-validation.js';
import type { QuestionReadOptions } from './question-read-options.js';
import { validateCandorCsv } from './read-candor-csv.js';
import { validateCandorJsonl } from './read-candor-jsonl.js';
import { validateSpeechMapQuestions } from './read-speechmap-questions.js';

export interface QuestionFileOptions extends QuestionReadOptions {
  /** `auto` (the default) picks the format from the extension and the first record. */
  format?: 'auto' | QuestionFileFormat;
}

const VALIDATORS: Record<QuestionFileFormat, (path: string, options: QuestionReadOptions) => Promise<QuestionFileValidation>> = {
  speechmap: validateSpeechMapQuestions,
  'candor-jsonl': validateCandorJsonl,
  'candor-csv': validateCandorCsv,
};

/** Reads a question file in any supported format and returns every problem found (for `sets validate`). */
export async function validateQuestionFile(path: string, options: QuestionFileOptions = {}): Promise<QuestionFileValidation> {
  let format: QuestionFileFormat;
  try {
    format = !options.format || options.format === 'auto' ? await detectQuestionFileFormat(path) : options.format;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: [error] };
  }
  const validate = VALIDATORS[format];
  if (!validate) {
    return { problems: [new InputError({ file: path }, `unknown format "${format}"; use auto, ${Object.keys(VALIDATORS).join(', ')}`)] };
  }
  const readOptions: QuestionReadOptions = options.setName === undefined ? {} : { setName: options.setName };
  return validate(path, readOptions);
}
