import { z } from 'zod';
import { InputError, type Question, type TranslationKind } from '../core/index.js';
import { describeReceived, inputErrorsFromIssues, optionalTextField, requiredTextField } from './text-field-schemas.js';

/** The fields of Candor's own question formats (snake_case, as in the files). */
export const CANDOR_QUESTION_FIELDS = [
  'id',
  'text',
  'set',
  'domain',
  'theme',
  'variation',
  'target_country',
  'language',
  'template_id',
  'tags',
  'translation_of',
  'translation_kind',
] as const;

const TRANSLATION_KINDS = ['original', 'human', 'machine', 'unknown'] as const satisfies readonly TranslationKind[];
// ISO 3166-1 alpha-2 codes are two upper-case letters, and so is "EU".
const COUNTRY_CODE = /^[A-Z]{2}$/;

// `.optional()` before the transform: zod 4 treats a key whose schema ends in a bare transform as required.
const translationOfField = z
  .unknown()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string') {
      const colon = value.indexOf(':');
      if (colon > 0 && colon < value.length - 1) return { setName: value.slice(0, colon), id: value.slice(colon + 1) };
    } else if (isSetAndId(value)) {
      return { setName: value.set, id: value.id };
    }
    context.issues.push({
      code: 'custom',
      input: value,
      message: `expected "set:id" or {"set": "...", "id": "..."}, got ${describeReceived(value)}`,
    });
    return z.NEVER;
  });

const candorQuestionRowSchema = z.strictObject({
  id: requiredTextField(),
  text: requiredTextField(),
  set: optionalTextField(),
  domain: optionalTextField(),
  theme: optionalTextField(),
  // A number is a natural way to write a phrasing index in JSON; it is kept as text.
  variation: z.preprocess(
    (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
    optionalTextField(),
  ),
  target_country: optionalTextField().refine((value) => value === null || COUNTRY_CODE.test(value), {
    error: (issue) =>
      `expected an ISO 3166-1 alpha-2 code in upper case (e.g. "CN") or "EU", got ${describeReceived(issue.input)}`,
  }),
  language: optionalTextField()
    .refine((value) => value === null || normalizeLanguageTag(value) !== null, {
      error: (issue) =>
        `expected a BCP 47 language tag such as "en", "zh-Hans" or "pt-BR", got ${describeReceived(issue.input)}`,
    })
    .transform((value) => (value === null ? 'en' : normalizeLanguageTag(value)!)),
  template_id: optionalTextField(),
  tags: z
    .array(requiredTextField(), {
      error: (issue) => `expected an array of strings, got ${describeReceived(issue.input)}`,
    })
    .nullish()
    .transform((value) => value ?? []),
  translation_of: translationOfField,
  translation_kind: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z
      .enum(TRANSLATION_KINDS, {
        error: (issue) => `expected one of ${TRANSLATION_KINDS.join(', ')}, got ${describeReceived(issue.input)}`,
      })
      .nullish(),
  ),
});

export interface CandorRowContext {
  file: string;
  line: number;
  /** Set name for rows without a `set` field. */
  defaultSetName: string;
}

export type CandorRowResult = { question: Question; problems?: never } | { question?: never; problems: InputError[] };

/**
 * Validates one row of a Candor JSONL or CSV file (fields already split into a record, `question`
 * accepted as an alias of `text`) and turns it into a Question, or lists every problem in it.
 * Fields starting with `_` are annotations and are ignored.
 */
export function parseCandorQuestionRow(record: Record<string, unknown>, context: CandorRowContext): CandorRowResult {
  const { file, line } = context;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!key.startsWith('_')) fields[key] = value;
  if ('question' in fields) {
    if ('text' in fields) {
      return {
        problems: [new InputError({ file, line, field: 'question' }, 'give either "text" or "question", not both')],
      };
    }
    fields['text'] = fields['question'];
    delete fields['question'];
  }

  const result = candorQuestionRowSchema.safeParse(fields);
  if (!result.success)
    return { problems: inputErrorsFromIssues(file, line, result.error.issues, CANDOR_QUESTION_FIELDS) };
  const row = result.data;
  if (row.translation_kind === 'original' && row.translation_of !== null) {
    return {
      problems: [
        new InputError(
          { file, line, field: 'translation_kind' },
          '"original" contradicts "translation_of"; use human, machine or unknown',
        ),
      ],
    };
  }
  return {
    question: {
      setName: row.set ?? context.defaultSetName,
      id: row.id,
      text: row.text,
      domain: row.domain,
      theme: row.theme,
      variation: row.variation,
      targetCountry: row.target_country,
      language: row.language,
      templateId: row.template_id,
      tags: row.tags,
      translationOf: row.translation_of,
      translationKind: row.translation_kind ?? (row.translation_of === null ? 'original' : 'unknown'),
    },
  };
}

function isSetAndId(value: unknown): value is { set: string; id: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return (
    keys.length === 2 &&
    typeof record['set'] === 'string' &&
    record['set'].trim() !== '' &&
    typeof record['id'] === 'string' &&
    record['id'].trim() !== ''
  );
}

// language[-Script][-REGION]: enough of BCP 47 (RFC 5646) for question sets, e.g. en, zh-Hans, pt-BR, es-419.
const SIMPLE_LANGUAGE_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|[0-9]{3}))?$/i;

/**
 * Checks a simple BCP 47 tag and returns it in its conventional case (`zh-hans` → `zh-Hans`),
 * or null when it is not one. Tags are case-insensitive, so any input case is accepted.
 */
export function normalizeLanguageTag(tag: string): string | null {
  const match = SIMPLE_LANGUAGE_TAG.exec(tag);
  if (!match) return null;
  const [, language = '', script, region] = match;
  let normalized = language.toLowerCase();
  if (script) normalized += `-${script[0]!.toUpperCase()}${script.slice(1).toLowerCase()}`;
  if (region) normalized += `-${region.toUpperCase()}`;
  return normalized;
}
