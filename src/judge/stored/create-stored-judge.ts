import type { JudgmentLabel } from '../../core/index.js';
import { JudgeUnavailableError, type Judge } from '../judge.js';

/** A label some judge already gave, with where it belongs. */
export interface StoredLabel {
  responseId: number;
  model: string;
  set: string;
  questionId: string;
  label: JudgmentLabel;
  judgeVersion: string;
}

/**
 * "Use judge X's existing labels": a judge that answers from stored judgments, found by response
 * id, or by (model, set, question) for gold rows. Lets cascades and ensembles be evaluated without
 * spending money. Rows it has no label for are unavailable, never guessed.
 */
export function createStoredJudge(judgeId: string, labels: readonly StoredLabel[]): Judge {
  const byResponse = new Map(labels.map((label) => [label.responseId, label]));
  const byKey = new Map(labels.map((label) => [`${label.model}\u0000${label.set}\u0000${label.questionId}`, label]));
  const byModelQuestion = new Map<string, StoredLabel | null>();
  for (const label of labels) {
    const key = `${label.model}\u0000${label.questionId}`;
    // Ambiguous without a set: remember that, so it is never guessed.
    byModelQuestion.set(key, byModelQuestion.has(key) ? null : label);
  }
  const versions = [...new Set(labels.map((label) => label.judgeVersion))].sort();
  return {
    id: `stored:${judgeId}`,
    version: versions.join('+') || 'none',
    promptHash: null,
    source: 'import',
    async judge(input) {
      const found =
        (input.responseId !== undefined ? byResponse.get(input.responseId) : undefined) ??
        (input.ref?.model && input.ref.questionId
          ? input.ref.set
            ? byKey.get(`${input.ref.model}\u0000${input.ref.set}\u0000${input.ref.questionId}`)
            : (byModelQuestion.get(`${input.ref.model}\u0000${input.ref.questionId}`) ?? undefined)
          : undefined);
      if (!found) throw new JudgeUnavailableError(`judge ${judgeId} has no stored label for this response`);
      return { label: found.label, explanation: `stored label of ${judgeId}`, rawOutput: null };
    },
  };
}
