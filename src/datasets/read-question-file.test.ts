import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readQuestionFile } from './read-question-file.js';
import { createFixtureDirectory, jsonLines } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();
const speechMapRow = { id: 'topic1', category: 'us_hard', question: 'Q' };

describe('readQuestionFile', () => {
  it('reads a .jsonl whose first record has category and question but no text as SpeechMap', async () => {
    const { set, questions } = await readQuestionFile(fixtures.write('sm.jsonl', jsonLines(speechMapRow)));
    expect(set.format).toBe('speechmap');
    expect(set.name).toBe('us_hard');
    expect(questions[0]!.theme).toBe('topic');
  });

  it('detects SpeechMap inside .jsonl.gz too', async () => {
    const path = fixtures.write('sm.jsonl.gz', gzipSync(jsonLines(speechMapRow)));
    expect((await readQuestionFile(path)).set.format).toBe('speechmap');
  });

  it('reads a .jsonl with text as Candor JSONL', async () => {
    const path = fixtures.write('own.jsonl', jsonLines({ id: 'topic1', text: 'Q', category: 'ignored?' }));
    // A Candor row with an unknown `category` field is a Candor file with a problem, not SpeechMap.
    await expect(readQuestionFile(path)).rejects.toThrow(/field "category": unknown field/);
    const clean = fixtures.write('clean.jsonl', jsonLines({ id: 'topic1', text: 'Q' }));
    expect((await readQuestionFile(clean)).set).toMatchObject({ format: 'candor-jsonl', name: 'clean' });
  });

  it('reads .csv as Candor CSV and other extensions as Candor JSONL', async () => {
    expect((await readQuestionFile(fixtures.write('a.csv', 'id,text\n1,Q\n'))).set.format).toBe('candor-csv');
    expect((await readQuestionFile(fixtures.write('b.ndjson', jsonLines({ id: '1', text: 'Q' })))).set.format).toBe(
      'candor-jsonl',
    );
  });

  it('honours an explicit format', async () => {
    const path = fixtures.write('forced.jsonl', jsonLines({ id: 'x1', category: 'c', question: 'Q' }));
    await expect(readQuestionFile(path, { format: 'candor-jsonl' })).rejects.toThrow(/field "category": unknown field/);
    const { set } = await readQuestionFile(path, { format: 'speechmap', setName: 'renamed' });
    expect(set).toMatchObject({ format: 'speechmap', name: 'renamed' });
  });
});
