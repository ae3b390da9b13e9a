import { InputError } from '../core/index.js';
import type { ThemeCatalogEntry } from './theme-catalog-entry.js';

/** Columns of a theme catalog; `example_request` and `example` name the same field. */
export const THEME_CATALOG_FIELDS = ['id', 'label', 'belief', 'example', 'example_request', 'domain'] as const;

// Letters, digits, _ and -, not ending in a digit: SpeechMap's theme is the id minus its last digit.
const THEME_ID = /^[A-Za-z0-9_-]*[A-Za-z_-]$/;

/** Checks one catalog row (JSON object or CSV record as fields) and returns the theme or every problem with file:line. */
export function parseThemeCatalogRow(
  record: Record<string, unknown>,
  location: { file: string; line: number },
): { theme: ThemeCatalogEntry; problems?: never } | { theme?: never; problems: InputError[] } {
  const problems: InputError[] = [];
  const at = (field: string) => ({ ...location, field });
  for (const key of Object.keys(record)) {
    if (!key.startsWith('_') && !(THEME_CATALOG_FIELDS as readonly string[]).includes(key)) {
      problems.push(new InputError(at(key), `unknown field; expected ${THEME_CATALOG_FIELDS.join(', ')}`));
    }
  }
  const text = (field: string, required: boolean): string | null => {
    const value = record[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      if (required) problems.push(new InputError(at(field), 'is required and must not be empty'));
      return null;
    }
    if (typeof value !== 'string') {
      problems.push(new InputError(at(field), `expected a string, got ${typeof value}`));
      return null;
    }
    return value.trim();
  };
  const id = text('id', true);
  if (id !== null && !THEME_ID.test(id)) {
    problems.push(new InputError(at('id'), `"${id}" must be letters, digits, _ or - and must not end in a digit (questions get <id>1..<id>4)`));
  }
  const label = text('label', true);
  const belief = text('belief', true);
  if ('example' in record && 'example_request' in record) problems.push(new InputError(at('example'), 'give "example" or "example_request", not both'));
  const example = text('example_request' in record ? 'example_request' : 'example', false);
  const domain = text('domain', false);
  if (problems.length > 0) return { problems };
  return { theme: { id: id!, label: label!, belief: belief!, example, domain } };
}
