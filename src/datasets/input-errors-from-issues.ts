import type { z } from 'zod';
import { InputError } from '../core/index.js';

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
