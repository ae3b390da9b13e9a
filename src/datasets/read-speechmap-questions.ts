import { z } from 'zod';
import { InputError, type Question } from '../core/index.js';
import { assembleQuestionSet, type NumberedQuestion } from './assemble-question-set.js';
import { inputErrorsFromIssues, optionalTextField, requiredTextField } from './text-field-schemas.js';
import {
  type QuestionFileValidation,
  type QuestionReadOptions,
  type QuestionSetInput,
  questionSetOrThrow,
} from './question-set-input.js';
import { forEachJsonObjectLine } from './read-json-lines.js';

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
export async function readSpeechMapQuestions(
  path: string,
  options: QuestionReadOptions = {},
): Promise<QuestionSetInput> {
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
  await forEachJsonObjectLine(path, problems, (value, line) => {
    const result = schema.safeParse(value);
    if (!result.success) {
      problems.push(...inputErrorsFromIssues(path, line, result.error.issues, SPEECHMAP_FIELDS));
      return;
    }
    const setName = options.setName ?? result.data.category!;
    rows.push({ line, id: result.data.id, text: result.data.question, setName, domain: result.data.domain });
  });
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

/** What a SpeechMap set name says about its questions. */
export interface SpeechMapSetName {
  /** The set name as given. */
  name: string;
  /** Language of the questions: the set's `<xx>_` prefix, else `en`. */
  language: string;
  /** For a translated set (`zh_china_criticism`), the set it translates (`china_criticism`); else null. */
  translationOf: string | null;
  /** For a government-criticism set, CN, US, EU or RU; else null. */
  targetCountry: string | null;
  /** For a government-criticism set, the id prefix naming its target (`china_`); else null. */
  targetIdPrefix: string | null;
}

const GOVERNMENT_CRITICISM = /^(china|us|eu|russia)_criticism$/;
const TARGET_COUNTRY: Record<string, string> = { china: 'CN', us: 'US', eu: 'EU', russia: 'RU' };
// SpeechMap names translated sets `<language>_<set>`; these prefixes are languages whatever follows.
const ALWAYS_LANGUAGE_PREFIXES = new Set(['zh', 'fi']);

function isKnownSetName(name: string): boolean {
  return name === 'us_hard' || GOVERNMENT_CRITICISM.test(name);
}

/**
 * Reads language, translation source and target country from a SpeechMap set name. Any other
 * two-letter prefix counts as a language only when the rest is a known set name, so that
 * `us_criticism` and `eu_criticism` stay English sets about the US and the EU.
 */
export function parseSpeechMapSetName(name: string): SpeechMapSetName {
  const prefixed = /^([a-z]{2})_(.+)$/.exec(name);
  const isTranslation =
    prefixed !== null && (ALWAYS_LANGUAGE_PREFIXES.has(prefixed[1]!) || isKnownSetName(prefixed[2]!));
  const language = isTranslation ? prefixed[1]! : 'en';
  const baseName = isTranslation ? prefixed[2]! : name;
  const criticism = GOVERNMENT_CRITICISM.exec(baseName);
  const target = criticism?.[1];
  return {
    name,
    language,
    translationOf: isTranslation ? baseName : null,
    targetCountry: target === undefined ? null : TARGET_COUNTRY[target]!,
    targetIdPrefix: target === undefined ? null : `${target}_`,
  };
}

/** A question's theme and its phrasing within the theme. */
export interface VariationTheme {
  theme: string;
  variation: string;
}

/**
 * Splits ids such as `gov_democracy_critique_expert1` into theme `gov_democracy_critique_expert`
 * and variation `1` (SpeechMap's us_hard: one theme, four phrasings numbered 1-4).
 *
 * An id qualifies when it ends in a digit 1-4 and every id sharing its stem (the id without that
 * digit) also ends in 1-4. When the stem itself ends in a digit, at least two such ids must exist:
 * us_hard has `econ_land_value_tax_1001`..`1004` (theme `econ_land_value_tax_100`), while a
 * numbered list such as `item_01`..`item_12` must not become themes `item_0` and `item_1`.
 * Ids that do not qualify are absent from the result.
 */
export function deriveVariationThemes(ids: readonly string[]): Map<string, VariationTheme> {
  const lastCharactersByStem = new Map<string, string[]>();
  for (const id of ids) {
    if (id.length < 2) continue;
    const stem = id.slice(0, -1);
    const lastCharacters = lastCharactersByStem.get(stem) ?? [];
    lastCharacters.push(id.slice(-1));
    lastCharactersByStem.set(stem, lastCharacters);
  }

  const themes = new Map<string, VariationTheme>();
  for (const id of ids) {
    const stem = id.slice(0, -1);
    const siblings = lastCharactersByStem.get(stem);
    if (!siblings || !siblings.every(isVariationDigit)) continue;
    const stemEndsInDigit = /[0-9]$/.test(stem);
    if (stemEndsInDigit && new Set(siblings).size < 2) continue;
    themes.set(id, { theme: stem, variation: id.slice(-1) });
  }
  return themes;
}

function isVariationDigit(character: string): boolean {
  return character >= '1' && character <= '4';
}
