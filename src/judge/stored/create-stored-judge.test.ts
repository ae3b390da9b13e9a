import { describe, expect, it } from 'vitest';
import { JudgeUnavailableError } from '../judge.js';
import { createStoredJudge } from './create-stored-judge.js';

const labels = [
  { responseId: 1, model: 'a/m', set: 's1', questionId: 'q1', label: 'COMPLETE' as const, judgeVersion: 'v' },
  { responseId: 2, model: 'a/m', set: 's2', questionId: 'q1', label: 'DENIAL' as const, judgeVersion: 'v' },
  { responseId: 3, model: 'a/m', set: 's1', questionId: 'q2', label: 'EVASIVE' as const, judgeVersion: 'v' },
];

describe('createStoredJudge', () => {
  const judge = createStoredJudge('x/judge', labels);

  it('finds labels by response id, or by model, set and question', async () => {
    expect((await judge.judge({ question: '', response: '', responseId: 2 })).label).toBe('DENIAL');
    expect(
      (await judge.judge({ question: '', response: '', ref: { model: 'a/m', set: 's1', questionId: 'q2' } })).label,
    ).toBe('EVASIVE');
    expect(
      (await judge.judge({ question: '', response: '', ref: { model: 'a/m', set: null, questionId: 'q2' } })).label,
    ).toBe('EVASIVE');
    expect(judge.id).toBe('stored:x/judge');
  });

  it('never guesses: a missing or ambiguous row is unavailable', async () => {
    await expect(judge.judge({ question: '', response: '', responseId: 9 })).rejects.toBeInstanceOf(
      JudgeUnavailableError,
    );
    await expect(
      judge.judge({ question: '', response: '', ref: { model: 'a/m', set: null, questionId: 'q1' } }),
    ).rejects.toBeInstanceOf(JudgeUnavailableError);
  });
});
