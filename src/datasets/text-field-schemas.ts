import { z } from 'zod';
import { InputError } from '../core/index.js';

const NON_EMPTY = 'expected a non-empty string';

/** A required string field that must not be blank; the message says what was found instead. */
export function requiredTextField() {
  return z
    .string({ error: (issue) => `${NON_EMPTY}, got ${describeReceived(issue.input)}` })
    .refine((value) => value.trim() !== '', { error: `${NON_EMPTY}, got a blank string` });
}

/** An optional string field; absent, null and blank all read as null (blank CSV cells are common). */
export function optionalTextField() {
  return z
    .string({ error: (issue) => `expected a string or null, got ${describeReceived(issue.input)}` })
    .nullish()
    .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value));
}

/** Describes a wrong input value for an error message: `42`, `"abc"`, `an array`, `nothing`. */
export function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return JSON.stringify(shown);
  }
  return String(input);
}

/** Turns zod issues for one row into InputErrors naming file, line and field (`tags[2]`). */
export function inputErrorsFromIssues(
  file: string,
  line: number,
  issues: readonly z.core.$ZodIssue[],
  knownFields: readonly string[],
): InputError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) => new InputError({ file, line, field: key }, `unknown field (known fields: ${knownFields.join(', ')})`),
      );
    }
    const field = formatPath(issue.path);
    return [new InputError({ file, line, ...(field === '' ? {} : { field }) }, issue.message)];
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  return text;
}

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
