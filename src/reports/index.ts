export { buildRateRows } from './build-rate-rows.js';
export { rateColumns } from './rate-columns.js';
export { rateReport, type RateReportOptions } from './rate-report.js';
export type { RateRow } from './rate-row.js';
export type { Column, ColumnKind } from './format/column.js';
export { formatCell } from './format/format-cell.js';
export { formatRows } from './format/format-rows.js';
export { OUTPUT_FORMATS, isOutputFormat, type OutputFormat } from './format/output-format.js';
export { languageGap, type LanguageGap, type LanguageGapRow, type LanguageRate } from './language-gap.js';
