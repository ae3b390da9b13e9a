/** The output formats every command and download shares: the table, JSON, CSV and Markdown writers. */

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

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

// Control characters (C0 except tab, DEL, C1) could move the cursor or recolour a terminal.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A value as a person reads it (tables, Markdown). */
export function formatCell(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (kind === 'rate') return `${(value * 100).toFixed(1)}%`;
    if (kind === 'pp') return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value * 100).toFixed(1)} pp`;
    if (kind === 'pvalue') return value < 0.0001 ? value.toExponential(1) : value.toFixed(4);
    if (kind === 'integer') return String(Math.round(value));
    return Number.isInteger(value) ? String(value) : value.toFixed(3);
  }
  return String(value)
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[\r\n\t]+/g, ' ');
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Spreadsheets run cells that start with these as formulas; names and routes come from data (as in the explorer's CSV).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isNumeric(column: Column<unknown>): boolean {
  return column.kind !== 'text';
}

function textTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column.key], column.kind)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => line[index]!.length)),
  );
  const pad = (text: string, index: number) =>
    isNumeric(columns[index] as Column<unknown>) ? text.padStart(widths[index]!) : text.padEnd(widths[index]!);
  const lines = [
    columns.map((column, index) => pad(column.header, index)).join('  '),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((line) => line.map(pad).join('  ')),
  ];
  return lines.map((line) => line.trimEnd()).join('\n') + '\n';
}

function markdownTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const header = `| ${columns.map((column) => escape(column.header)).join(' | ')} |`;
  const rule = `| ${columns.map((column) => (isNumeric(column as Column<unknown>) ? '---:' : '---')).join(' | ')} |`;
  const body = rows.map(
    (row) => `| ${columns.map((column) => escape(formatCell(row[column.key], column.kind))).join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n') + '\n';
}

/** Renders rows as an aligned text table, JSON (the rows as they are), CSV or Markdown. */
export function formatRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return (
        [
          columns.map((column) => csvField(column.key)).join(','),
          ...rows.map((row) => columns.map((column) => csvField(row[column.key])).join(',')),
        ].join('\r\n') + '\r\n'
      );
    case 'md':
      return markdownTable(rows, columns);
    case 'table':
      return textTable(rows, columns);
  }
}
