import { createHash } from 'node:crypto';
import type { Question } from '../core/index.js';

/**
 * sha256 (hex) of the canonical JSON of the questions sorted by id: the same questions give the
 * same hash whatever their order in the file or the key order of the rows they were read from.
 */
export function hashQuestions(questions: readonly Question[]): string {
  const sorted = [...questions].sort(
    (left, right) => compareCodeUnits(left.id, right.id) || compareCodeUnits(left.setName, right.setName),
  );
  return createHash('sha256').update(canonicalJson(sorted)).digest('hex');
}

// Not localeCompare: the order must not depend on the machine's locale.
function compareCodeUnits(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

/** JSON with object keys sorted and no whitespace; undefined properties are left out as JSON.stringify does. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareCodeUnits);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
