import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { readModelFacts } from './read-model-facts.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-facts-'));
function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('readModelFacts', () => {
  it('reads every field, leaving absent ones null', async () => {
    const path = write(
      'ok.jsonl',
      '{"model":"deepseek/deepseek-r1","creator":"deepseek","family":"r1","release_date":"2025-01-20","reasoning":true}\n\n{"model":"x/y"}\n',
    );
    expect(await readModelFacts(path)).toEqual([
      { id: 'deepseek/deepseek-r1', creator: 'deepseek', family: 'r1', releaseDate: '2025-01-20', reasoning: true },
      { id: 'x/y', creator: null, family: null, releaseDate: null, reasoning: null },
    ]);
  });

  it('names file, line and field of a bad value', async () => {
    const path = write('bad.jsonl', '{"model":"a/b"}\n{"model":"c/d","release_date":"May 2025"}\n');
    const error = await readModelFacts(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${path}:2 field "release_date": expected a date as YYYY-MM-DD`);
  });

  it('refuses a model listed twice', async () => {
    const path = write('dup.jsonl', '{"model":"a/b"}\n{"model":"a/b"}\n');
    await expect(readModelFacts(path)).rejects.toThrow('duplicate model "a/b" (first on line 1)');
  });

  for (const date of ['2025-13-45', '2025-02-30', '2025-00-10']) {
    it(`refuses release_date ${date}, which is not a calendar day`, async () => {
      const path = write(`date-${date}.jsonl`, `{"model":"a/b","release_date":"${date}"}\n`);
      await expect(readModelFacts(path)).rejects.toThrow(/:1 field "release_date": expected a real calendar date/);
    });
  }

  it('accepts 29 February in a leap year', async () => {
    const path = write('leap.jsonl', '{"model":"a/b","release_date":"2024-02-29"}\n');
    expect((await readModelFacts(path))[0]!.releaseDate).toBe('2024-02-29');
  });
});
