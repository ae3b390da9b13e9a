import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Question } from '../../core/index.js';

/** A temporary directory for one test file, removed after its tests; `write` returns the file's path. */
export function createFixtureDirectory() {
  const directory = mkdtempSync(join(tmpdir(), 'candor-datasets-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  return {
    directory,
    write(name: string, content: string | Uint8Array): string {
      const path = join(directory, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** JSON Lines text of the given rows. */
export function jsonLines(...rows: unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

/** A question as the readers return it when its file gives only these fields: every optional field empty, English, original. */
export function plainQuestion(fields: Pick<Question, 'setName' | 'id' | 'text'> & Partial<Question>): Question {
  return {
    domain: null,
    theme: null,
    variation: null,
    targetCountry: null,
    language: 'en',
    templateId: null,
    tags: [],
    translationOf: null,
    translationKind: 'original',
    ...fields,
  };
}
