import { describe, expect, it } from 'vitest';
import type { Question } from '../core/index.js';
import { hashQuestions } from './assemble-question-set.js';
import { readQuestionFile } from './read-question-file.js';
import { createFixtureDirectory, jsonLines, plainQuestion } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

const question = (id: string, text: string) => plainQuestion({ setName: 's', id, text });

describe('hashQuestions', () => {
  it('is a sha256 hex digest', () => {
    expect(hashQuestions([question('a', 'A')])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on question order or key order', () => {
    const first = question('a', 'A');
    const second = question('b', 'B');
    const reordered = Object.fromEntries(Object.entries(second).reverse()) as unknown as Question;
    expect(hashQuestions([first, second])).toBe(hashQuestions([reordered, first]));
  });

  it('changes when any field changes', () => {
    const base = hashQuestions([question('a', 'A')]);
    expect(hashQuestions([question('a', 'A ')])).not.toBe(base);
    expect(hashQuestions([{ ...question('a', 'A'), tags: ['t'] }])).not.toBe(base);
    expect(hashQuestions([{ ...question('a', 'A'), language: 'fi' }])).not.toBe(base);
    expect(hashQuestions([])).not.toBe(base);
  });

  it('is stable across re-reads and across formats holding the same questions', async () => {
    const rows = [
      { id: 'b', text: 'Second, "quoted"', tags: ['x', 'y'] },
      { id: 'a', text: 'First' },
    ];
    const jsonl = fixtures.write('s.jsonl', jsonLines(...rows));
    const csv = fixtures.write('s.csv', 'text,id,tags\nFirst,a,\n"Second, ""quoted""",b,x;y\n');
    const firstRead = await readQuestionFile(jsonl);
    const secondRead = await readQuestionFile(jsonl);
    expect(secondRead.set.contentHash).toBe(firstRead.set.contentHash);
    expect((await readQuestionFile(csv)).set.contentHash).toBe(firstRead.set.contentHash);
    expect(firstRead.set.contentHash).toBe(hashQuestions(firstRead.questions));
  });
});
