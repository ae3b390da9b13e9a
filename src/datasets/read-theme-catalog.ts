import { InputError } from '../core/index.js';
import { isPlainObject } from './is-plain-object.js';
import { parseCsv } from './parse-csv.js';
import { parseThemeCatalogRow } from './parse-theme-catalog-row.js';
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
          problems.push(new InputError({ file: path, line: record.line }, `has ${record.fields.length} fields but the header has ${columns.length}; quote fields that contain commas`));
          continue;
        }
        rows.push({ line: record.line, record: Object.fromEntries(columns.map((column, index) => [column, record.fields[index]])) });
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
    if (earlier !== undefined) problems.push(new InputError({ file: path, line, field: 'id' }, `duplicate theme id "${result.theme.id}" (first on line ${earlier})`));
    else {
      firstLine.set(result.theme.id, line);
      themes.push(result.theme);
    }
  }
  if (themes.length === 0 && problems.length === 0) problems.push(new InputError({ file: path }, 'the catalog has no themes; add at least one row'));
  problems.sort((left, right) => (left.location.line ?? 0) - (right.location.line ?? 0));
  return { themes, problems };
}

/** Reads a theme catalog and throws its first problem as an InputError. */
export async function readThemeCatalog(path: string): Promise<ThemeCatalogEntry[]> {
  const validation = await validateThemeCatalog(path);
  if (validation.problems.length > 0) throw validation.problems[0]!;
  return validation.themes;
}
