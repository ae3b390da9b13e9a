import { foldLabel } from '../reports/index.js';
import type { AnswerRow } from './api-types.js';
import type { ReadConnection } from './open-read-connection.js';

interface AnswerRecord {
  response_id: number;
  model_id: string;
  run_id: string;
  sample: number;
  upstream_route: string | null;
  status: string;
  final_text: string | null;
  label: string | null;
  judge_id: string | null;
  judge_version: string | null;
  explanation: string | null;
}

/** Every current answer to one question, with its latest judgment, ordered by model. */
export function questionAnswers(connection: ReadConnection, set: string, questionId: string): AnswerRow[] {
  const records = connection
    .prepare(
      `WITH current AS (
         SELECT r.response_id, runs.model_id, r.run_id, r.sample, r.upstream_route, r.status, r.final_text
         FROM responses r JOIN runs ON runs.run_id = r.run_id
         WHERE r.set_name = ? AND r.question_id = ? AND r.is_current = 1),
       latest AS (
         SELECT j.response_id, j.label, j.judge_id, j.judge_version, j.explanation,
                ROW_NUMBER() OVER (PARTITION BY j.response_id ORDER BY j.judged_at DESC, j.judgment_id DESC) AS position
         FROM judgments j WHERE j.response_id IN (SELECT response_id FROM current))
       SELECT current.*, latest.label, latest.judge_id, latest.judge_version, latest.explanation
       FROM current LEFT JOIN latest ON latest.response_id = current.response_id AND latest.position = 1
       ORDER BY current.model_id, current.sample, current.response_id`,
    )
    .all(set, questionId) as AnswerRecord[];
  return records.map((record) => ({
    responseId: record.response_id,
    model: record.model_id,
    runId: record.run_id,
    sample: record.sample,
    route: record.upstream_route,
    status: record.status,
    label: record.label,
    segment: record.label === null ? null : foldLabel(record.label),
    judge: record.judge_id === null ? null : `${record.judge_id}@${record.judge_version ?? ''}`,
    explanation: record.explanation,
    text: record.final_text,
  }));
}
