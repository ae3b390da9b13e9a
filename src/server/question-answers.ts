import { foldLabel } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { AnswerRow } from './api-types.js';

/** Every current answer to one question, with its latest judgment, ordered by model. */
export async function questionAnswers(store: CandorStore, set: string, questionId: string): Promise<AnswerRow[]> {
  const records = await store.listQuestionAnswers(set, questionId);
  return records.map((record) => ({
    responseId: record.responseId,
    model: record.modelId,
    runId: record.runId,
    sample: record.sample,
    route: record.upstreamRoute,
    status: record.status,
    label: record.label,
    segment: record.label === null ? null : foldLabel(record.label),
    judge: record.judgeId === null ? null : `${record.judgeId}@${record.judgeVersion ?? ''}`,
    explanation: record.explanation,
    text: record.finalText,
  }));
}
