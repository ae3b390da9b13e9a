import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../../core/index.js';
import { BUILTIN_DATA_DIRECTORY } from './builtin-data-directory.js';
import {
  BUILTIN_SOURCE_FILES,
  countriesFileSchema,
  symmetryFileSchema,
  templatesFileSchema,
  type BuiltinSources,
} from './builtin-sources.js';

/** Reads and schema-checks countries.json, templates.json and symmetry.json; throws an InputError naming the file and field. */
export function readBuiltinSources(directory: string = BUILTIN_DATA_DIRECTORY): BuiltinSources {
  return {
    countries: readSource(join(directory, BUILTIN_SOURCE_FILES.countries), countriesFileSchema),
    templates: readSource(join(directory, BUILTIN_SOURCE_FILES.templates), templatesFileSchema),
    symmetry: readSource(join(directory, BUILTIN_SOURCE_FILES.symmetry), symmetryFileSchema),
  };
}

function readSource<T>(path: string, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError({ file: path }, `cannot read as JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new InputError({ file: path, field: issue?.path.map(String).join('.') || undefined }, issue?.message ?? 'invalid');
}
