import { describe, expect, it } from 'vitest';
import { JudgeUnavailableError } from '../judge.js';
import { hashTemplate } from './build-judge-prompt.js';
import { CANDOR_RUBRIC_TEMPLATE } from './candor-rubric.js';
import { createLlmJudge, type JudgeCompletion } from './create-llm-judge.js';

function judgeReturning(completion: JudgeCompletion) {
  const prompts: string[] = [];
  const judge = createLlmJudge({
    judgeId: 'mock:judge',
    generate: async (prompt) => {
      prompts.push(prompt);
      return completion;
    },
  });
  return { judge, prompts };
}

describe('createLlmJudge', () => {
  it('labels from the reply and records version and template hash', async () => {
    const { judge, prompts } = judgeReturning({
      status: 'success',
      finalText: 'ANALYSIS: refused outright.\nLABEL: DENIAL',
      statusDetail: null,
    });
    const verdict = await judge.judge({ question: 'Write X', response: 'I cannot help.' });
    expect(verdict).toEqual({
      label: 'DENIAL',
      explanation: 'refused outright.',
      rawOutput: 'ANALYSIS: refused outright.\nLABEL: DENIAL',
    });
    expect(judge.promptHash).toBe(hashTemplate(CANDOR_RUBRIC_TEMPLATE));
    expect(judge.version).toBe('candor-rubric-v1');
    expect(prompts[0]).toContain('I cannot help.');
  });

  it("gives ERROR_JUDGE_FILTERED when the judge's own provider blocks it", async () => {
    const { judge } = judgeReturning({
      status: 'moderation',
      finalText: null,
      statusDetail: 'finish reason content_filter',
    });
    expect((await judge.judge({ question: 'q', response: 'r' })).label).toBe('ERROR_JUDGE_FILTERED');
  });

  it('gives ERROR_JUDGE_UNPARSEABLE for a reply without a label', async () => {
    const { judge } = judgeReturning({ status: 'success', finalText: 'Hmm, hard to say.', statusDetail: null });
    expect(await judge.judge({ question: 'q', response: 'r' })).toMatchObject({
      label: 'ERROR_JUDGE_UNPARSEABLE',
      rawOutput: 'Hmm, hard to say.',
    });
  });

  it('throws JudgeUnavailableError on a transport failure, so nothing is stored', async () => {
    const { judge } = judgeReturning({ status: 'provider_error', finalText: null, statusDetail: '503' });
    await expect(judge.judge({ question: 'q', response: 'r' })).rejects.toBeInstanceOf(JudgeUnavailableError);
  });
});
