import { InputError } from '../core/index.js';
import { isPlainObject } from './text-field-schemas.js';
import { parseCsv } from './parse-csv.js';
import { readJsonLines } from './read-json-lines.js';
import { readTextFile } from './read-text-file.js';
import type { ThemeCatalogEntry } from './theme-catalog-entry.js';

/** Themes read from a catalog, or every problem found (file:line). */
export interface ThemeCatalogValidation {
  themes: ThemeCatalogEntry[];
  problems: InputError[];
}

/** Reads a theme catalog (`.csv` with a header row, or JSON Lines) and collects every problem, duplicate ids included. */
export async function validateThemeCatalog(path: string): Promise<ThemeCatalogValidation> {
  const rows: { line: number; record: Record<string, unknown> }[] = [];
  const problems: InputError[] = [];
  try {
    if (/\.csv(\.gz)?$/i.test(path)) {
      const [header, ...records] = parseCsv(await readTextFile(path), { source: path });
      const columns = header?.fields.map((name) => name.trim()) ?? [];
      for (const record of records) {
        if (record.fields.length !== columns.length) {
          problems.push(
            new InputError(
              { file: path, line: record.line },
              `has ${record.fields.length} fields but the header has ${columns.length}; quote fields that contain commas`,
            ),
          );
          continue;
        }
        rows.push({
          line: record.line,
          record: Object.fromEntries(columns.map((column, index) => [column, record.fields[index]])),
        });
      }
    } else {
      for await (const { line, value } of readJsonLines(path)) {
        if (isPlainObject(value)) rows.push({ line, record: value });
        else problems.push(new InputError({ file: path, line }, 'expected a JSON object'));
      }
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(error);
  }
  const themes: ThemeCatalogEntry[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, record } of rows) {
    const result = parseThemeCatalogRow(record, { file: path, line });
    if (!result.theme) {
      problems.push(...result.problems);
      continue;
    }
    const earlier = firstLine.get(result.theme.id);
    if (earlier !== undefined)
      problems.push(
        new InputError(
          { file: path, line, field: 'id' },
          `duplicate theme id "${result.theme.id}" (first on line ${earlier})`,
        ),
      );
    else {
      firstLine.set(result.theme.id, line);
      themes.push(result.theme);
    }
  }
  if (themes.length === 0 && problems.length === 0)
    problems.push(new InputError({ file: path }, 'the catalog has no themes; add at least one row'));
  problems.sort((left, right) => (left.location.line ?? 0) - (right.location.line ?? 0));
  return { themes, problems };
}

/** Reads a theme catalog and throws its first problem as an InputError. */
export async function readThemeCatalog(path: string): Promise<ThemeCatalogEntry[]> {
  const validation = await validateThemeCatalog(path);
  if (validation.problems.length > 0) throw validation.problems[0]!;
  return validation.themes;
}

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
    problems.push(
      new InputError(
        at('id'),
        `"${id}" must be letters, digits, _ or - and must not end in a digit (questions get <id>1..<id>4)`,
      ),
    );
  }
  const label = text('label', true);
  const belief = text('belief', true);
  if ('example' in record && 'example_request' in record)
    problems.push(new InputError(at('example'), 'give "example" or "example_request", not both'));
  const example = text('example_request' in record ? 'example_request' : 'example', false);
  const domain = text('domain', false);
  if (problems.length > 0) return { problems };
  return { theme: { id: id!, label: label!, belief: belief!, example, domain } };
}
