import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';

/** One current answer to a question with its latest judgment (the explorer's question page). */
export interface QuestionAnswerRecord {
  responseId: number;
  modelId: string;
  runId: string;
  sample: number;
  upstreamRoute: string | null;
  status: string;
  finalText: string | null;
  label: string | null;
  judgeId: string | null;
  judgeVersion: string | null;
  explanation: string | null;
}

/** A text the explorer's full-text search finds: a prompt, a current answer, or its latest judge explanation. */
export interface SearchDocument {
  body: string;
  kind: 'question' | 'answer' | 'explanation';
  setName: string;
  questionId: string;
  model: string | null;
  label: string | null;
}

/** Judgments of the responses in CTE `scope`, ranked newest first per response (position 1 = latest). */
const RANKED = sql`SELECT response_id, label, judge_id, judge_version, explanation,
  ROW_NUMBER() OVER (PARTITION BY response_id ORDER BY judged_at DESC, judgment_id DESC) AS position
  FROM judgments WHERE response_id IN (SELECT response_id FROM scope)`;

/** Changes whenever responses, judgments, questions or models are added: the explorer's cache key. */
export async function dataVersion(db: Kysely<DatabaseSchema>): Promise<string> {
  const { rows } = await sql<{ responses: unknown; judgments: unknown; questions: unknown; models: unknown }>`
    SELECT (SELECT coalesce(max(response_id), 0) FROM responses) AS responses,
           (SELECT coalesce(max(judgment_id), 0) FROM judgments) AS judgments,
           (SELECT count(*) FROM questions) AS questions,
           (SELECT count(*) FROM models) AS models`.execute(db);
  const row = rows[0]!;
  return `${Number(row.responses)}:${Number(row.judgments)}:${Number(row.questions)}:${Number(row.models)}`;
}

export async function listQuestionAnswers(
  db: Kysely<DatabaseSchema>,
  setName: string,
  questionId: string,
): Promise<QuestionAnswerRecord[]> {
  const { rows } = await sql<Record<string, unknown>>`
    WITH scope AS (
      SELECT r.response_id, runs.model_id, r.run_id, r.sample, r.upstream_route, r.status, r.final_text
      FROM responses r JOIN runs ON runs.run_id = r.run_id
      WHERE r.set_name = ${setName} AND r.question_id = ${questionId} AND r.is_current = 1),
    ranked AS (${RANKED})
    SELECT c.response_id, c.model_id, c.run_id, c.sample, c.upstream_route, c.status, c.final_text,
           ranked.label, ranked.judge_id, ranked.judge_version, ranked.explanation
    FROM scope c LEFT JOIN ranked ON ranked.response_id = c.response_id AND ranked.position = 1
    ORDER BY c.model_id, c.sample, c.response_id`.execute(db);
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return rows.map((row) => ({
    responseId: Number(row.response_id),
    modelId: String(row.model_id),
    runId: String(row.run_id),
    sample: Number(row.sample),
    upstreamRoute: text(row.upstream_route),
    status: String(row.status),
    finalText: text(row.final_text),
    label: text(row.label),
    judgeId: text(row.judge_id),
    judgeVersion: text(row.judge_version),
    explanation: text(row.explanation),
  }));
}

/** Per judge: how many current responses it judged (any of its versions). */
export async function countJudgedResponses(
  db: Kysely<DatabaseSchema>,
): Promise<{ judge: string; responses: number }[]> {
  const { rows } = await sql<{ judge: string; responses: unknown }>`
    SELECT j.judge_id AS judge, count(DISTINCT j.response_id) AS responses
    FROM judgments j JOIN responses r ON r.response_id = j.response_id AND r.is_current = 1
    GROUP BY j.judge_id ORDER BY j.judge_id`.execute(db);
  return rows.map((row) => ({ judge: row.judge, responses: Number(row.responses) }));
}

/**
 * Every search document, in pages: prompts first, then current answers, then latest explanations.
 * `after` is the cursor the previous page returned (null at the start and when there is no more).
 */
export async function listSearchDocuments(
  db: Kysely<DatabaseSchema>,
  after: string | null,
  limit: number,
): Promise<{ documents: SearchDocument[]; next: string | null }> {
  const [phase, lastId, lastQuestion] =
    after === null ? ['question', '', ''] : (after.split('\u0000') as [string, string, string?]);
  const documents: SearchDocument[] = [];
  if (phase === 'question') {
    // Keyset on (set, question id); the first page starts before every set.
    const rows = await db
      .selectFrom('questions')
      .select(['text', 'set_name', 'question_id'])
      .where((builder) =>
        after === null
          ? builder.lit(true)
          : builder.or([
              builder('set_name', '>', lastId),
              builder.and([builder('set_name', '=', lastId), builder('question_id', '>', lastQuestion ?? '')]),
            ]),
      )
      .orderBy('set_name')
      .orderBy('question_id')
      .limit(limit)
      .execute();
    for (const row of rows)
      documents.push({
        body: row.text,
        kind: 'question',
        setName: row.set_name,
        questionId: row.question_id,
        model: null,
        label: null,
      });
    if (rows.length === limit) {
      const last = rows[rows.length - 1]!;
      return { documents, next: `question\u0000${last.set_name}\u0000${last.question_id}` };
    }
    return { documents, next: 'answer\u00000' };
  }
  const { rows } = await sql<Record<string, unknown>>`
    WITH scope AS (
      SELECT r.response_id, r.final_text, r.set_name, r.question_id, runs.model_id
      FROM responses r JOIN runs ON runs.run_id = r.run_id
      WHERE r.is_current = 1 AND r.response_id > ${Number(lastId)}
      ORDER BY r.response_id
      LIMIT ${limit}),
    ranked AS (${RANKED})
    SELECT s.response_id, s.final_text, s.set_name, s.question_id, s.model_id, ranked.label, ranked.explanation
    FROM scope s LEFT JOIN ranked ON ranked.response_id = s.response_id AND ranked.position = 1
    ORDER BY s.response_id`.execute(db);
  for (const row of rows) {
    const base = {
      setName: String(row.set_name),
      questionId: String(row.question_id),
      model: String(row.model_id),
      label: row.label === null ? null : String(row.label),
    };
    if (typeof row.final_text === 'string' && row.final_text !== '')
      documents.push({ body: row.final_text, kind: 'answer', ...base });
    if (typeof row.explanation === 'string' && row.explanation !== '')
      documents.push({ body: row.explanation, kind: 'explanation', ...base });
  }
  return {
    documents,
    next: rows.length === limit ? `answer\u0000${Number(rows[rows.length - 1]!.response_id)}` : null,
  };
}
