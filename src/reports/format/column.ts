/** How a value is shown: rates as percentages in tables and Markdown, raw numbers in CSV and JSON. */
export type ColumnKind = 'text' | 'integer' | 'rate' | 'number' | 'pvalue';

export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  kind: ColumnKind;
}
