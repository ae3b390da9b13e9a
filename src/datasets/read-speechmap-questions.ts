import { z } from 'zod';
import { InputError, type Question } from '../core/index.js';
import { assembleQuestionSet, type NumberedQuestion } from './assemble-question-set.js';
import { deriveVariationThemes } from './derive-variation-themes.js';
import { inputErrorsFromIssues } from './input-errors-from-issues.js';
import { isPlainObject } from './is-plain-object.js';
import { parseSpeechMapSetName } from './parse-speechmap-set-name.js';
import { questionSetOrThrow, type QuestionFileValidation } from './question-file-validation.js';
import type { QuestionReadOptions } from './question-read-options.js';
import type { QuestionSetInput } from './question-set-input.js';
import { readJsonLines } from './read-json-lines.js';
import { optionalTextField, requiredTextField } from './text-field-schemas.js';

// Not strict: published rows carry extra fields (`_source_label`, `_generated_at`, `_variation_of`).
const speechMapRowSchema = z.object({
  id: requiredTextField(),
  question: requiredTextField(),
  category: requiredTextField(),
  domain: optionalTextField(),
});
const speechMapRowWithoutCategorySchema = speechMapRowSchema.extend({ category: optionalTextField() });
const SPEECHMAP_FIELDS = ['id', 'category', 'question', 'domain'];

interface SpeechMapRow {
  line: number;
  id: string;
  text: string;
  setName: string;
  domain: string | null;
}

/**
 * Reads a SpeechMap question file (`{"id", "question", "category", "domain"?}` per line, see
 * https://github.com/xlr8harder/speechmap-data) and throws the first problem as an InputError.
 */
export async function readSpeechMapQuestions(path: string, options: QuestionReadOptions = {}): Promise<QuestionSetInput> {
  return questionSetOrThrow(await validateSpeechMapQuestions(path, options));
}

/** Reads a SpeechMap question file and collects every problem instead of stopping at the first. */
export async function validateSpeechMapQuestions(
  path: string,
  options: QuestionReadOptions = {},
): Promise<QuestionFileValidation> {
  const schema = options.setName === undefined ? speechMapRowSchema : speechMapRowWithoutCategorySchema;
  const rows: SpeechMapRow[] = [];
  const problems: InputError[] = [];
  try {
    for await (const { line, value } of readJsonLines(path)) {
      if (!isPlainObject(value)) {
        problems.push(new InputError({ file: path, line }, 'expected a JSON object'));
        continue;
      }
      const result = schema.safeParse(value);
      if (!result.success) {
        problems.push(...inputErrorsFromIssues(path, line, result.error.issues, SPEECHMAP_FIELDS));
        continue;
      }
      const setName = options.setName ?? result.data.category!;
      rows.push({ line, id: result.data.id, text: result.data.question, setName, domain: result.data.domain });
    }
  } catch (error) {
    // readJsonLines stops at the first line it cannot parse: report it with what came before.
    if (!(error instanceof InputError)) throw error;
    problems.push(error);
  }
  return assembleQuestionSet({ path, format: 'speechmap', rows: toQuestions(rows), problems, setField: 'category' });
}

function toQuestions(rows: readonly SpeechMapRow[]): NumberedQuestion[] {
  const [firstRow] = rows;
  if (!firstRow) return [];
  // Rows of another set are reported by assembleQuestionSet; the first row names the set.
  const setName = parseSpeechMapSetName(firstRow.setName);
  const themes = setName.targetCountry === null ? deriveVariationThemes(rows.map((row) => row.id)) : new Map();
  return rows.map((row) => {
    const theme = themes.get(row.id);
    const question: Question = {
      setName: row.setName,
      id: row.id,
      text: row.text,
      domain: row.domain,
      theme: theme?.theme ?? null,
      variation: theme?.variation ?? null,
      targetCountry: setName.targetCountry,
      language: setName.language,
      templateId: templateIdOf(row.id, setName.targetIdPrefix),
      tags: [],
      translationOf: setName.translationOf === null ? null : { setName: setName.translationOf, id: row.id },
      translationKind: setName.translationOf === null ? 'original' : 'unknown',
    };
    return { line: row.line, question };
  });
}

// `china_criticism_07` and `us_criticism_07` are the same request about another government.
function templateIdOf(id: string, targetIdPrefix: string | null): string | null {
  if (targetIdPrefix === null || !id.startsWith(targetIdPrefix) || id === targetIdPrefix) return null;
  return id.slice(targetIdPrefix.length);
}
