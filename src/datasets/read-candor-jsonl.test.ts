import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readCandorJsonl, validateCandorJsonl } from './read-candor-jsonl.js';
import { createFixtureDirectory, jsonLines, plainQuestion } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

async function problemsOf(row: Record<string, unknown>): Promise<string[]> {
  const path = fixtures.write('row.jsonl', jsonLines(row));
  const { problems } = await validateCandorJsonl(path);
  return problems.map((problem) => `${problem.location.field ?? ''}: ${problem.problem}`);
}

describe('readCandorJsonl', () => {
  it('maps every snake_case field onto the Question', async () => {
    const path = fixtures.write(
      'full.jsonl',
      jsonLines({
        id: 'q1',
        text: 'Criticize the government of X',
        set: 'swap',
        domain: 'Politics',
        theme: 'criticize_government',
        variation: 'essay',
        target_country: 'CN',
        language: 'zh-hans',
        template_id: 'criticize_01',
        tags: ['entity-swap', 'politics'],
        translation_of: 'swap_en:q1',
        translation_kind: 'machine',
        _note: 'annotations starting with _ are ignored',
      }),
    );
    const { set, questions } = await readCandorJsonl(path);
    expect(set).toMatchObject({ name: 'swap', format: 'candor-jsonl', source: path });
    expect(questions).toEqual([
      {
        setName: 'swap',
        id: 'q1',
        text: 'Criticize the government of X',
        domain: 'Politics',
        theme: 'criticize_government',
        variation: 'essay',
        targetCountry: 'CN',
        language: 'zh-Hans',
        templateId: 'criticize_01',
        tags: ['entity-swap', 'politics'],
        translationOf: { setName: 'swap_en', id: 'q1' },
        translationKind: 'machine',
      },
    ]);
  });

  it('fills defaults: English, no tags, an original, nulls for absent or blank optional fields', async () => {
    const path = fixtures.write('minimal.jsonl', jsonLines({ id: 'q1', text: 'T', domain: '', theme: null }));
    const [question] = (await readCandorJsonl(path)).questions;
    expect(question).toEqual(plainQuestion({ setName: 'minimal', id: 'q1', text: 'T' }));
  });

  it('accepts "question" as an alias of "text", an integer variation and a {set, id} translation_of', async () => {
    const path = fixtures.write(
      'alias.jsonl',
      jsonLines({ id: 'q1', question: 'Q', variation: 2, translation_of: { set: 'source', id: 'orig-1' } }),
    );
    const [question] = (await readCandorJsonl(path)).questions;
    expect(question).toMatchObject({
      text: 'Q',
      variation: '2',
      translationOf: { setName: 'source', id: 'orig-1' },
      translationKind: 'unknown',
    });
  });

  it('takes the set from the row, else options.setName, else the file name', async () => {
    const rows = jsonLines({ id: 'a', text: 'A' });
    const path = fixtures.write('from-name.jsonl.gz', gzipSync(rows));
    expect((await readCandorJsonl(path)).set.name).toBe('from-name');
    expect((await readCandorJsonl(path, { setName: 'given' })).set.name).toBe('given');
    const withSet = fixtures.write('with-set.jsonl', jsonLines({ id: 'a', text: 'A', set: 'row-set' }));
    expect((await readCandorJsonl(withSet, { setName: 'given' })).questions[0]!.setName).toBe('row-set');
  });

  it.each([
    [{ id: 'a' }, 'text: expected a non-empty string, got nothing'],
    [{ id: 'a', text: '   ' }, 'text: expected a non-empty string, got a blank string'],
    [{ id: 'a', text: 'A', question: 'Q' }, 'question: give either "text" or "question", not both'],
    [
      { id: 'a', text: 'A', target_country: 'cn' },
      'target_country: expected an ISO 3166-1 alpha-2 code in upper case (e.g. "CN") or "EU", got "cn"',
    ],
    [
      { id: 'a', text: 'A', target_country: 'CHN' },
      'target_country: expected an ISO 3166-1 alpha-2 code in upper case (e.g. "CN") or "EU", got "CHN"',
    ],
    [
      { id: 'a', text: 'A', language: 'english' },
      'language: expected a BCP 47 language tag such as "en", "zh-Hans" or "pt-BR", got "english"',
    ],
    [{ id: 'a', text: 'A', tags: 'x;y' }, 'tags: expected an array of strings, got "x;y"'],
    [
      { id: 'a', text: 'A', translation_of: 'no-colon' },
      'translation_of: expected "set:id" or {"set": "...", "id": "..."}, got "no-colon"',
    ],
    [
      { id: 'a', text: 'A', translation_of: { set: 's' } },
      'translation_of: expected "set:id" or {"set": "...", "id": "..."}, got an object',
    ],
    [
      { id: 'a', text: 'A', translation_kind: 'google' },
      'translation_kind: expected one of original, human, machine, unknown, got "google"',
    ],
    [
      { id: 'a', text: 'A', translation_of: 's:a', translation_kind: 'original' },
      'translation_kind: "original" contradicts "translation_of"; use human, machine or unknown',
    ],
    [{ id: 'a', text: 'A', domain: 3 }, 'domain: expected a string or null, got 3'],
    [
      { id: 'a', text: 'A', targetCountry: 'CN' },
      expect.stringMatching(/^targetCountry: unknown field \(known fields: id, text, set,/),
    ],
  ])('rejects %j', async (row, expected) => {
    expect(await problemsOf(row)).toEqual([expected]);
  });

  it('accepts EU as a target country', async () => {
    expect(await problemsOf({ id: 'a', text: 'A', target_country: 'EU' })).toEqual([]);
  });
});
