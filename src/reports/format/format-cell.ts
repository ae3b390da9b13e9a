import type { ColumnKind } from './column.js';

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
  return String(value).replace(CONTROL_CHARACTERS, '').replace(/[\r\n\t]+/g, ' ');
}
