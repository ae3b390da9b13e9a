import type { Context } from 'hono';
import { toCsv } from './to-csv.js';

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
