import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import type { SqlDialect } from './sql-dialect.js';
import type { LabelCountQuery, LabelCountRow, LabelRow, LabelRowQuery, ReportDimension } from './label-count-query.js';

/** The column behind each report dimension (fixed strings, never user input). */
const DIMENSION_COLUMNS: Record<ReportDimension, string> = {
  model: 'runs.model_id',
  creator: 'models.creator',
  set: 'r.set_name',
  domain: 'q.domain',
  theme: 'q.theme',
  variation: 'q.variation',
  language: 'q.language',
  country: 'q.target_country',
  template: 'q.template_id',
  route: 'r.upstream_route',
  provider: 'runs.provider',
  run: 'r.run_id',
  judge: 'latest.judge_id',
};

function judgeCondition(judge: string | null | undefined): RawBuilder<unknown> {
  if (!judge) return sql`1 = 1`;
  const at = judge.lastIndexOf('@');
  if (at > 0) return sql`judge_id = ${judge.slice(0, at)} AND judge_version = ${judge.slice(at + 1)}`;
  return sql`judge_id = ${judge}`;
}

/** WHERE conditions shared by counts and row listings. */
function conditionsOf(query: Omit<LabelCountQuery, 'groupBy'>): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`r.is_current = 1`];
  if (!query.includeTest) conditions.push(sql`NOT EXISTS (SELECT 1 FROM test_runs t WHERE t.run_id = r.run_id)`);
  for (const [dimension, value] of Object.entries(query.filters ?? {}) as [
    ReportDimension,
    string | readonly string[],
  ][]) {
    const column = sql.raw(DIMENSION_COLUMNS[dimension]);
    const values = typeof value === 'string' ? [value] : [...value];
    if (values.length === 0) continue;
    conditions.push(sql`${column} IN (${sql.join(values)})`);
  }
  return conditions;
}

/** The latest judgment per response (of one judge, when given). */
function latestJudgments(judge: string | null | undefined): RawBuilder<unknown> {
  return sql`
    SELECT response_id, label, judge_id, judge_version,
           ROW_NUMBER() OVER (PARTITION BY response_id ORDER BY judged_at DESC, judgment_id DESC) AS position
    FROM judgments
    WHERE ${judgeCondition(judge)}`;
}

/**
 * The joins behind every label query. On SQLite the CTE must drive the join (CROSS JOIN fixes the
 * order there): left to itself the planner starts from questions and rescans the CTE for each one,
 * which took a us_hard report from 0.07 s to 36 s. Postgres plans this well and has no such syntax.
 */
function joinsFor(dialect: SqlDialect): RawBuilder<unknown> {
  const first =
    dialect === 'sqlite'
      ? sql`FROM latest CROSS JOIN responses r ON r.response_id = latest.response_id`
      : sql`FROM latest JOIN responses r ON r.response_id = latest.response_id`;
  return sql`
    ${first} AND latest.position = 1
    JOIN runs ON runs.run_id = r.run_id
    LEFT JOIN models ON models.model_id = runs.model_id
    JOIN questions q ON q.set_name = r.set_name AND q.question_id = r.question_id`;
}

function labelRowsQuery(query: LabelRowQuery, dialect: SqlDialect): RawBuilder<Record<string, unknown>> {
  const limit = query.limit !== undefined ? sql`LIMIT ${query.limit}` : sql``;
  return sql<Record<string, unknown>>`
    WITH latest AS (${latestJudgments(query.judge)})
    SELECT r.response_id, r.run_id, runs.model_id, models.creator, models.release_date, r.set_name, r.question_id, r.sample,
           q.domain, q.theme, q.variation, q.language, q.target_country, q.template_id, q.translation_of_set, q.translation_of_id,
           r.upstream_route, runs.provider, r.status, r.received_at, latest.label, latest.judge_id, latest.judge_version
    ${joinsFor(dialect)}
    WHERE ${sql.join(conditionsOf(query), sql` AND `)}
    ORDER BY runs.model_id, r.set_name, r.question_id, r.sample, r.response_id
    ${limit}
  `;
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toLabelRow(row: Record<string, unknown>): LabelRow {
  return {
    responseId: Number(row['response_id']),
    runId: String(row['run_id']),
    model: String(row['model_id']),
    creator: text(row['creator']),
    releaseDate: text(row['release_date']),
    set: String(row['set_name']),
    questionId: String(row['question_id']),
    sample: Number(row['sample']),
    domain: text(row['domain']),
    theme: text(row['theme']),
    variation: text(row['variation']),
    language: String(row['language']),
    country: text(row['target_country']),
    templateId: text(row['template_id']),
    translationOfSet: text(row['translation_of_set']),
    translationOfId: text(row['translation_of_id']),
    route: text(row['upstream_route']),
    provider: String(row['provider']),
    status: String(row['status']),
    receivedAt: text(row['received_at']),
    label: String(row['label']),
    judgeId: String(row['judge_id']),
    judgeVersion: String(row['judge_version']),
  };
}

/**
 * Lists current responses with their latest label (or the chosen judge's) and every column that
 * statistics pair or group on. Unjudged responses are not listed.
 */
export async function listLabelRows(
  db: Kysely<DatabaseSchema>,
  query: LabelRowQuery,
  dialect: SqlDialect = 'sqlite',
): Promise<LabelRow[]> {
  const rows = await labelRowsQuery(query, dialect).execute(db);
  return rows.rows.map(toLabelRow);
}

/**
 * The rows of listLabelRows, in the same order, handed to `visit` one at a time. With a row
 * streamer (SQLite) no result array is built; without one (Postgres) the rows are read at once.
 */
export async function forEachLabelRow(
  db: Kysely<DatabaseSchema>,
  query: LabelRowQuery,
  dialect: SqlDialect,
  visit: (row: LabelRow) => void,
  streamRows?: (sqlText: string, parameters: readonly unknown[]) => Iterable<Record<string, unknown>>,
): Promise<number> {
  let count = 0;
  if (streamRows) {
    const compiled = labelRowsQuery(query, dialect).compile(db);
    for (const row of streamRows(compiled.sql, compiled.parameters)) {
      visit(toLabelRow(row));
      count += 1;
    }
    return count;
  }
  for (const row of await listLabelRows(db, query, dialect)) {
    visit(row);
    count += 1;
  }
  return count;
}

/**
 * Counts labels of current responses, one judgment per response (the latest, or the latest of the
 * chosen judge), grouped by the asked dimensions. Responses without such a judgment are not counted.
 */
export async function countLabels(
  db: Kysely<DatabaseSchema>,
  query: LabelCountQuery,
  dialect: SqlDialect = 'sqlite',
): Promise<LabelCountRow[]> {
  const dimensions = [...new Set(query.groupBy)];
  const selectKeys = dimensions.map((dimension, index) => sql.raw(`${DIMENSION_COLUMNS[dimension]} AS k${index}`));
  const groupKeys = dimensions.map((dimension) => sql.raw(DIMENSION_COLUMNS[dimension]));
  const conditions = conditionsOf(query);
  const rows = await sql<Record<string, string | number | null>>`
    WITH latest AS (${latestJudgments(query.judge)})
    SELECT ${sql.join([...selectKeys, sql.raw('latest.label AS label'), sql.raw('COUNT(*) AS n')])}
    ${joinsFor(dialect)}
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY ${sql.join([...groupKeys, sql.raw('latest.label')])}
  `.execute(db);

  const groups = new Map<string, LabelCountRow>();
  for (const row of rows.rows) {
    const keyValues = dimensions.map((_, index) => (row[`k${index}`] === null ? null : String(row[`k${index}`])));
    const groupKey = JSON.stringify(keyValues);
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        keys: Object.fromEntries(dimensions.map((dimension, index) => [dimension, keyValues[index]])),
        labels: {},
        total: 0,
      };
      groups.set(groupKey, group);
    }
    const count = Number(row['n']);
    const label = String(row['label']);
    group.labels[label] = (group.labels[label] ?? 0) + count;
    group.total += count;
  }
  return [...groups.values()];
}
