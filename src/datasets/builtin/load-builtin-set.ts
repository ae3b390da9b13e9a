import { join } from 'node:path';
import { InputError, NotFoundError } from '../../core/index.js';
import type { QuestionSetInput } from '../question-set-input.js';
import { readCandorJsonl } from '../read-candor-jsonl.js';
import { findBuiltinSet, listBuiltinSets } from './builtin-sets.js';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  BUILTIN_SOURCE_FILES,
  type BuiltinSources,
  countriesFileSchema,
  symmetryFileSchema,
  templatesFileSchema,
} from './builtin-sources.js';

/** Path of a built-in set's file; throws NotFoundError for a name that is not built in. */
export function builtinSetPath(name: string, directory: string = BUILTIN_DATA_DIRECTORY): string {
  const info = findBuiltinSet(name);
  if (!info) {
    throw new NotFoundError(
      `built-in question set "${name}"`,
      `built-in sets: ${listBuiltinSets()
        .map((set) => set.name)
        .join(', ')}`,
    );
  }
  return join(directory, info.fileName);
}

/** Reads a built-in set from data/builtin/ (offline) with the Candor JSONL reader, so it gets the same validation as any file. */
export async function loadBuiltinSet(
  name: string,
  directory: string = BUILTIN_DATA_DIRECTORY,
): Promise<QuestionSetInput> {
  const input = await readCandorJsonl(builtinSetPath(name, directory));
  return { ...input, set: { ...input.set, title: findBuiltinSet(name)!.title } };
}

/**
 * data/builtin/ of the package. Resolved from this module, so it works from src/datasets/builtin
 * (tests, tsx) and from dist/datasets/builtin (the published package ships data/ next to dist/).
 */
export const BUILTIN_DATA_DIRECTORY: string = fileURLToPath(new URL('../../../data/builtin/', import.meta.url));

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
  throw new InputError(
    { file: path, field: issue?.path.map(String).join('.') || undefined },
    issue?.message ?? 'invalid',
  );
}
