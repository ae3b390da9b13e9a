import type { ContentionRow } from './question-contention.js';
import type { Column } from './format/column.js';

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
