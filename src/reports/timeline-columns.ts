import type { Column } from './format/column.js';
import type { LabIndexRow } from './lab-index.js';
import type { ReleaseTimelineRow } from './release-timeline.js';
import type { TestDateRow } from './test-date-timeline.js';

export const RELEASE_TIMELINE_COLUMNS: Column<ReleaseTimelineRow>[] = [
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

export const TEST_DATE_COLUMNS: Column<TestDateRow>[] = [
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

export const LAB_INDEX_COLUMNS: Column<LabIndexRow>[] = [
  { key: 'creator', header: 'creator', kind: 'text' },
  { key: 'model_count', header: 'models', kind: 'integer' },
  { key: 'months', header: 'months', kind: 'integer' },
  { key: 'latest_release', header: 'latest release', kind: 'text' },
  { key: 'index', header: 'index', kind: 'rate' },
  { key: 'ci_low', header: '95% low', kind: 'rate' },
  { key: 'ci_high', header: '95% high', kind: 'rate' },
  { key: 'models', header: 'model ids', kind: 'text' },
];
