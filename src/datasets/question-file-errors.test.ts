import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { readQuestionFile } from './read-question-file.js';
import { createFixtureDirectory, jsonLines } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('errors name the file, the line and the field', () => {
  it('a malformed JSONL line gives its line number', async () => {
    const path = fixtures.write('broken.jsonl', `${JSON.stringify({ id: 'a', text: 'A' })}\n\n{"id": "b", "text": \n`);
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path, line: 3 });
    expect(error.message).toMatch(/:3: malformed JSON/);
  });

  it('a field of the wrong type gives the field name', async () => {
    const path = fixtures.write(
      'questions.jsonl',
      jsonLines({ id: 'a', text: 'A' }, {}, { id: 'c', text: 'C' }, { id: 7, text: 'B' }),
    );
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path, line: 2, field: 'id' });
    expect(error.message).toBe(`${path}:2 field "id": expected a non-empty string, got nothing`);
    const second = await errorOf(readQuestionFile(fixtures.write('typed.jsonl', jsonLines({ id: 7, text: 'B' }))));
    expect(second.message).toMatch(/:1 field "id": expected a non-empty string, got 7$/);
  });

  it('an element of a list names its index', async () => {
    const path = fixtures.write('tags.jsonl', jsonLines({ id: 'a', text: 'A', tags: ['ok', 3] }));
    expect((await errorOf(readQuestionFile(path))).location).toEqual({ file: path, line: 1, field: 'tags[1]' });
  });

  it('a duplicate id names both lines', async () => {
    const path = fixtures.write(
      'dupes.jsonl',
      jsonLines({ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'a', text: 'again' }),
    );
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path, line: 3, field: 'id' });
    expect(error.problem).toMatch(/duplicate id "a" \(first on line 1\)/);
  });

  it('a duplicate id in CSV names both physical lines', async () => {
    const path = fixtures.write('dupes.csv', 'id,text\na,"two\nlines"\nb,B\na,A\n');
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path, line: 5, field: 'id' });
    expect(error.problem).toMatch(/first on line 2/);
  });

  it.each(['missing.jsonl', 'missing.jsonl.gz', 'missing.csv'])(
    'a missing file (%s) "does not exist"',
    async (name) => {
      const path = `${fixtures.directory}/${name}`;
      const error = await errorOf(readQuestionFile(path));
      expect(error.location).toEqual({ file: path });
      expect(error.problem).toBe('file does not exist');
    },
  );

  it('a SpeechMap file mixing categories names the first line of another set', async () => {
    const path = fixtures.write(
      'mixed.jsonl',
      jsonLines(
        { id: 'china_criticism_01', category: 'china_criticism', question: 'Q1' },
        { id: 'china_criticism_02', category: 'china_criticism', question: 'Q2' },
        { id: 'us_criticism_01', category: 'us_criticism', question: 'Q3' },
      ),
    );
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path, line: 3, field: 'category' });
    expect(error.problem).toMatch(/"us_criticism" differs from set "china_criticism" on line 1/);
  });

  it('a Candor file mixing sets names the line', async () => {
    const path = fixtures.write(
      'sets.jsonl',
      jsonLines({ id: 'a', text: 'A', set: 'one' }, { id: 'b', text: 'B', set: 'two' }),
    );
    expect((await errorOf(readQuestionFile(path))).location).toEqual({ file: path, line: 2, field: 'set' });
  });

  it.each([
    ['empty.jsonl', ''],
    ['blank.jsonl.gz', gzipSync('\n\n')],
    ['empty.csv', ''],
    ['header-only.csv', 'id,text\r\n'],
  ])('an empty file (%s) is an error', async (name, content) => {
    const path = fixtures.write(name, content);
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path });
    expect(error.problem).toMatch(/no questions/);
  });

  it('a JSONL line that is not an object is an error on its line', async () => {
    const path = fixtures.write('array.jsonl', jsonLines({ id: 'a', text: 'A' }, ['b', 'B']));
    const error = await errorOf(readQuestionFile(path));
    expect(error.location).toEqual({ file: path, line: 2 });
    expect(error.problem).toBe('expected a JSON object');
  });
});
