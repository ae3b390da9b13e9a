import { normalizedEntropy, labelEntropy } from '../stats/label-entropy.js';
import type { LabelRow } from '../store/index.js';
import { countLabelGroups } from './lens.js';
import { groupRows } from './rates.js';
import type { Column } from './format/format-rows.js';

/** How much models disagree on one question. */
export interface ContentionRow {
  set: string;
  question_id: string;
  domain: string | null;
  theme: string | null;
  /** Distinct models with a row for this question. */
  models: number;
  /** Rows counted in the entropy (one per model and sample; errors only with includeErrors). */
  n: number;
  COMPLETE: number;
  EVASIVE: number;
  DENIAL: number;
  ERROR: number;
  /** COMPLETE over the rows counted. */
  complete_rate: number;
  /** Shannon entropy of the labels, in bits. */
  entropy: number;
  /** Entropy over its maximum: 0 unanimous, 1 evenly split. */
  normalized_entropy: number;
}

export interface ContentionOptions {
  /** Count ERROR as a fourth label (default: errors say nothing about the model's stance, so they are left out). */
  includeErrors?: boolean;
  /** Questions answered by fewer models are skipped (default 3). */
  minModels?: number;
  /** How many questions to keep, most divisive first (default: all). */
  top?: number;
}

/**
 * Contention: per question, the entropy of the labels that different models gave it; the most
 * divisive questions first (ties: more rows first, then set and id).
 */
export function questionContention(rows: readonly LabelRow[], options: ContentionOptions = {}): ContentionRow[] {
  const includeErrors = options.includeErrors ?? false;
  const minModels = options.minModels ?? 3;
  const result: ContentionRow[] = [];
  for (const questionRows of groupRows(rows, (row) => JSON.stringify([row.set, row.questionId])).values()) {
    const first = questionRows[0]!;
    const segments = countLabelGroups(questionRows.map((row) => row.label));
    const counted: Record<string, number> = {
      COMPLETE: segments.COMPLETE,
      EVASIVE: segments.EVASIVE,
      DENIAL: segments.DENIAL,
    };
    if (includeErrors) counted['ERROR'] = segments.ERROR;
    const n = Object.values(counted).reduce((sum, count) => sum + count, 0);
    const models = new Set(
      questionRows.filter((row) => includeErrors || !row.label.startsWith('ERROR')).map((row) => row.model),
    ).size;
    if (models < minModels || n === 0) continue;
    result.push({
      set: first.set,
      question_id: first.questionId,
      domain: first.domain,
      theme: first.theme,
      models,
      n,
      ...segments,
      complete_rate: segments.COMPLETE / n,
      entropy: labelEntropy(counted),
      normalized_entropy: normalizedEntropy(counted, includeErrors ? 4 : 3),
    });
  }
  result.sort(
    (left, right) =>
      right.entropy - left.entropy ||
      right.n - left.n ||
      left.set.localeCompare(right.set) ||
      left.question_id.localeCompare(right.question_id),
  );
  return options.top !== undefined ? result.slice(0, options.top) : result;
}

/** Columns of the contention report. */
export const CONTENTION_COLUMNS: Column<ContentionRow>[] = [
  { key: 'set', header: 'set', kind: 'text' },
  { key: 'question_id', header: 'question_id', kind: 'text' },
  { key: 'domain', header: 'domain', kind: 'text' },
  { key: 'models', header: 'models', kind: 'integer' },
  { key: 'n', header: 'n', kind: 'integer' },
  { key: 'COMPLETE', header: 'COMPLETE', kind: 'integer' },
  { key: 'EVASIVE', header: 'EVASIVE', kind: 'integer' },
  { key: 'DENIAL', header: 'DENIAL', kind: 'integer' },
  { key: 'ERROR', header: 'ERROR', kind: 'integer' },
  { key: 'complete_rate', header: 'complete', kind: 'rate' },
  { key: 'entropy', header: 'entropy (bits)', kind: 'number' },
  { key: 'normalized_entropy', header: 'normalized', kind: 'number' },
];
