import type { Column } from './format/format-rows.js';
import { rateCellOutput, type RateCellOutput } from './format/rate-output.js';
import type { LabIndexRow } from './lab-index.js';
import type { ReleaseTimelineRow, TestDateRow } from './timelines.js';

/**
 * The rows of the time reports (release timeline, test-date timeline, lab index) as scripts read
 * them: the JSON and CSV keys of `candor timeline` and `candor lab-index`, and their table columns.
 */

interface ReleaseTimelineOutput extends RateCellOutput {
  creator: string;
  model: string;
  release_date: string;
  trend: number;
}

export function releaseTimelineOutput(row: ReleaseTimelineRow): ReleaseTimelineOutput {
  return {
    creator: row.creator,
    model: row.model,
    release_date: row.releaseDate,
    ...rateCellOutput(row),
    trend: row.trend,
  };
}

export const RELEASE_TIMELINE_COLUMNS: Column<ReleaseTimelineOutput>[] = [
  { key: 'creator', header: 'creator', kind: 'text' },
  { key: 'release_date', header: 'release_date', kind: 'text' },
  { key: 'model', header: 'model', kind: 'text' },
  { key: 'total', header: 'n', kind: 'integer' },
  { key: 'complete', header: 'COMPLETE', kind: 'integer' },
  { key: 'rate', header: 'complete', kind: 'rate' },
  { key: 'ci_low', header: '95% low', kind: 'rate' },
  { key: 'ci_high', header: '95% high', kind: 'rate' },
  { key: 'trend', header: 'EMA trend', kind: 'rate' },
];

/** A test month; the change from the first month is null for the first month itself. */
interface TestDateOutput extends RateCellOutput {
  model: string;
  set: string;
  month: string;
  pairs: number | null;
  change: number | null;
  change_low: number | null;
  change_high: number | null;
  mcnemar_p: number | null;
}

export function testDateOutput(row: TestDateRow): TestDateOutput {
  const { change } = row;
  return {
    model: row.model,
    set: row.set,
    month: row.month,
    ...rateCellOutput(row),
    pairs: change === null ? null : change.pairs,
    change: change === null ? null : change.difference.difference,
    change_low: change === null ? null : change.difference.low,
    change_high: change === null ? null : change.difference.high,
    mcnemar_p: change === null ? null : change.pValue,
  };
}

export const TEST_DATE_COLUMNS: Column<TestDateOutput>[] = [
  { key: 'model', header: 'model', kind: 'text' },
  { key: 'set', header: 'set', kind: 'text' },
  { key: 'month', header: 'month', kind: 'text' },
  { key: 'total', header: 'n', kind: 'integer' },
  { key: 'complete', header: 'COMPLETE', kind: 'integer' },
  { key: 'rate', header: 'complete', kind: 'rate' },
  { key: 'ci_low', header: '95% low', kind: 'rate' },
  { key: 'ci_high', header: '95% high', kind: 'rate' },
  { key: 'pairs', header: 'pairs with first month', kind: 'integer' },
  { key: 'change', header: 'change (paired)', kind: 'pp' },
  { key: 'change_low', header: '95% low', kind: 'pp' },
  { key: 'change_high', header: '95% high', kind: 'pp' },
  { key: 'mcnemar_p', header: 'McNemar p', kind: 'pvalue' },
];

interface LabIndexOutput {
  creator: string;
  /** Model ids separated by spaces. */
  models: string;
  model_count: number;
  months: number;
  latest_release: string;
  index: number;
  ci_low: number;
  ci_high: number;
}

export function labIndexOutput(row: LabIndexRow): LabIndexOutput {
  return {
    creator: row.creator,
    models: row.models.join(' '),
    model_count: row.models.length,
    months: row.months,
    latest_release: row.latestRelease,
    index: row.index,
    ci_low: row.low,
    ci_high: row.high,
  };
}

export const LAB_INDEX_COLUMNS: Column<LabIndexOutput>[] = [
  { key: 'creator', header: 'creator', kind: 'text' },
  { key: 'model_count', header: 'models', kind: 'integer' },
  { key: 'months', header: 'months', kind: 'integer' },
  { key: 'latest_release', header: 'latest release', kind: 'text' },
  { key: 'index', header: 'index', kind: 'rate' },
  { key: 'ci_low', header: '95% low', kind: 'rate' },
  { key: 'ci_high', header: '95% high', kind: 'rate' },
  { key: 'models', header: 'model ids', kind: 'text' },
];
