import { z } from 'zod';
import { describeReceived } from './describe-received.js';

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
