import type { TranslationKind } from '../../core/index.js';
import { CANDOR_QUESTION_FIELDS } from '../parse-candor-question-row.js';

/** One line of a Candor JSONL question file, fields in the order they are written. */
export interface CandorQuestionRow {
  id: string;
  text: string;
  set: string;
  domain: string | null;
  theme: string | null;
  variation: string | null;
  target_country: string | null;
  language: string;
  template_id: string | null;
  tags: string[];
  /** "set:id" of the source question, for translations. */
  translation_of: string | null;
  translation_kind: TranslationKind;
}

/** Candor JSONL text of the rows: one JSON object per line, fields in the documented order, ending in a newline. */
export function toCandorJsonl(rows: readonly CandorQuestionRow[]): string {
  return rows.map((row) => JSON.stringify(row, CANDOR_QUESTION_FIELDS as unknown as string[])).join('\n') + '\n';
}
