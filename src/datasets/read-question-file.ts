import {
  type QuestionFileFormat,
  type QuestionFileValidation,
  type QuestionReadOptions,
  type QuestionSetInput,
  questionSetOrThrow,
} from './question-set-input.js';
import { InputError } from '../core/index.js';
import { validateCandorCsv } from './read-candor-csv.js';
import { validateCandorJsonl } from './read-candor-jsonl.js';
import { validateSpeechMapQuestions } from './read-speechmap-questions.js';
import { isPlainObject } from './text-field-schemas.js';
import { readJsonLines } from './read-json-lines.js';

/** Reads a question file in any supported format (see detectQuestionFileFormat); throws the first problem as an InputError. */
export async function readQuestionFile(path: string, options: QuestionFileOptions = {}): Promise<QuestionSetInput> {
  return questionSetOrThrow(await validateQuestionFile(path, options));
}

export interface QuestionFileOptions extends QuestionReadOptions {
  /** `auto` (the default) picks the format from the extension and the first record. */
  format?: 'auto' | QuestionFileFormat;
}

const VALIDATORS: Record<
  QuestionFileFormat,
  (path: string, options: QuestionReadOptions) => Promise<QuestionFileValidation>
> = {
  speechmap: validateSpeechMapQuestions,
  'candor-jsonl': validateCandorJsonl,
  'candor-csv': validateCandorCsv,
};

/** Reads a question file in any supported format and returns every problem found (for `sets validate`). */
export async function validateQuestionFile(
  path: string,
  options: QuestionFileOptions = {},
): Promise<QuestionFileValidation> {
  let format: QuestionFileFormat;
  try {
    format = !options.format || options.format === 'auto' ? await detectQuestionFileFormat(path) : options.format;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: [error] };
  }
  const validate = VALIDATORS[format];
  if (!validate) {
    return {
      problems: [
        new InputError({ file: path }, `unknown format "${format}"; use auto, ${Object.keys(VALIDATORS).join(', ')}`),
      ],
    };
  }
  const readOptions: QuestionReadOptions = options.setName === undefined ? {} : { setName: options.setName };
  return validate(path, readOptions);
}

/**
 * Picks a reader from the extension and, for JSON Lines, the first record: `.csv`/`.csv.gz` →
 * candor-csv; `.jsonl`/`.jsonl.gz` whose first record has `category` and `question` but no
 * `text` → speechmap; anything else → candor-jsonl. Throws the InputError of an unreadable first line.
 */
export async function detectQuestionFileFormat(path: string): Promise<QuestionFileFormat> {
  const lowerPath = path.toLowerCase();
  if (/\.csv(\.gz)?$/.test(lowerPath)) return 'candor-csv';
  if (!/\.jsonl(\.gz)?$/.test(lowerPath)) return 'candor-jsonl';
  for await (const { value } of readJsonLines(path)) {
    const looksLikeSpeechMap = isPlainObject(value) && 'category' in value && 'question' in value && !('text' in value);
    return looksLikeSpeechMap ? 'speechmap' : 'candor-jsonl';
  }
  return 'candor-jsonl';
}
