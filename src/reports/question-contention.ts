import { normalizedEntropy, labelEntropy } from '../stats/label-entropy.js';
import type { LabelRow } from '../store/index.js';
import { countLabelGroups } from './lens.js';
import { groupRows } from './rates.js';

/** How much models disagree on one question. JSON and CSV keys are made by the contention command. */
export interface ContentionRow {
  set: string;
  questionId: string;
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
  completeRate: number;
  /** Shannon entropy of the labels, in bits. */
  entropy: number;
  /** Entropy over its maximum: 0 unanimous, 1 evenly split. */
  normalizedEntropy: number;
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
      questionId: first.questionId,
      domain: first.domain,
      theme: first.theme,
      models,
      n,
      ...segments,
      completeRate: segments.COMPLETE / n,
      entropy: labelEntropy(counted),
      normalizedEntropy: normalizedEntropy(counted, includeErrors ? 4 : 3),
    });
  }
  result.sort(
    (left, right) =>
      right.entropy - left.entropy ||
      right.n - left.n ||
      left.set.localeCompare(right.set) ||
      left.questionId.localeCompare(right.questionId),
  );
  return options.top !== undefined ? result.slice(0, options.top) : result;
}
