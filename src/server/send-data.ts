import type { Context } from 'hono';

/**
 * Sends an API body as JSON; with `?format=csv` sends its table as a CSV download, with
 * `?format=json` the body as a JSON download.
 */
export function sendData(context: Context, body: object, table: readonly object[], name: string): Response {
  const format = context.req.query('format');
  const file = name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'candor';
  if (format === 'csv') {
    context.header('Content-Type', 'text/csv; charset=utf-8');
    context.header('Content-Disposition', `attachment; filename="${file}.csv"`);
    return context.body(toCsv(table));
  }
  if (format === 'json') context.header('Content-Disposition', `attachment; filename="${file}.json"`);
  context.header('Cache-Control', 'no-store');
  return context.json(body);
}

function escapeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Spreadsheets run cells that start with these as formulas; model output is hostile.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of flat objects → RFC 4180 CSV with a header line; formula-like cells are defused. */
export function toCsv(rows: readonly object[], columns?: readonly string[]): string {
  const header = columns ?? Object.keys(rows[0] ?? {});
  const lines = [header.map(escapeCell).join(',')];
  for (const row of rows)
    lines.push(header.map((column) => escapeCell((row as Record<string, unknown>)[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
