import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { validateQuestionFile } from './read-question-file.js';
import { createFixtureDirectory, jsonLines } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

function summarize(problems: InputError[]): string[] {
  return problems.map((problem) => `${problem.location.line ?? '-'} ${problem.location.field ?? '-'}`);
}

describe('validateQuestionFile', () => {
  it('collects every problem of a JSONL file, in line order', async () => {
    const path = fixtures.write(
      'many.jsonl',
      jsonLines(
        { id: 'a', text: 'A' },
        { id: '', text: 'B', language: 'English' },
        { id: 'c', text: 'C', set: 'other' },
        { id: 'a', text: 'again', target_country: 'xx' },
      ),
    );
    const validation = await validateQuestionFile(path);
    expect(validation.input).toBeUndefined();
    expect(validation.problems.every((problem) => problem instanceof InputError)).toBe(true);
    expect(summarize(validation.problems)).toEqual(['2 id', '2 language', '3 set', '4 target_country']);
  });

  it('reports a duplicate id in a row that is otherwise valid', async () => {
    const path = fixtures.write(
      'dup.jsonl',
      jsonLines({ id: 'a', text: 'A' }, { id: 'b', text: 1 }, { id: 'a', text: 'A2' }),
    );
    expect(summarize((await validateQuestionFile(path)).problems)).toEqual(['2 text', '3 id']);
  });

  it('collects every problem of a CSV file', async () => {
    const path = fixtures.write('many.csv', 'id,text,colour\na,A,red\n,B,blue\nc,C\n');
    expect(summarize((await validateQuestionFile(path)).problems)).toEqual(['1 colour', '3 id', '4 -']);
  });

  it('keeps the problems found before a malformed JSON line, which ends the scan', async () => {
    const path = fixtures.write(
      'stop.jsonl',
      `${JSON.stringify({ id: 'a' })}\nnot json\n${JSON.stringify({ id: 'c' })}\n`,
    );
    expect(summarize((await validateQuestionFile(path)).problems)).toEqual(['1 text', '2 -']);
  });

  it('returns the question set and no problems for a valid file', async () => {
    const path = fixtures.write('ok.jsonl', jsonLines({ id: 'a', text: 'A' }, { id: 'b', text: 'B' }));
    const validation = await validateQuestionFile(path);
    expect(validation.problems).toEqual([]);
    expect(validation.input?.questions.map((question) => question.id)).toEqual(['a', 'b']);
  });

  it('reports a missing file as a problem instead of throwing', async () => {
    const validation = await validateQuestionFile(`${fixtures.directory}/absent.jsonl`);
    expect(validation.problems.map((problem) => problem.problem)).toEqual(['file does not exist']);
  });
});
