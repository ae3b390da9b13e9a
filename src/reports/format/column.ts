/**
 * How a value is shown: rates as percentages and differences of rates (`pp`) as signed percentage
 * points in tables and Markdown; raw proportions in CSV and JSON.
 */
export type ColumnKind = 'text' | 'integer' | 'rate' | 'pp' | 'number' | 'pvalue';

export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  kind: ColumnKind;
}
