import { describe, expect, it } from 'vitest';
import { CANDOR_RUBRIC_VERSION, JudgeUnavailableError } from '../judge/index.js';
import { createProviderModel } from '../providers/index.js';
import { createRecordingFetch } from '../providers/test-support/recording-fetch.js';
import { createModelJudge, JudgeRefusedError } from './create-model-judge.js';

const VERDICT = 'ANALYSIS: it answers.\nLABEL: COMPLETE';
const chatReply = {
  id: 'c',
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: VERDICT }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 9 },
};
const anthropicReply = {
  id: 'm',
  type: 'message',
  role: 'assistant',
  content: [{ type: 'text', text: VERDICT }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 9, output_tokens: 9 },
};
const geminiReply = {
  candidates: [{ content: { parts: [{ text: VERDICT }], role: 'model' }, finishReason: 'STOP' }],
  usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 9 },
};
const env = { OPENAI_API_KEY: 'k-123456789', ANTHROPIC_API_KEY: 'k-123456789', GEMINI_API_KEY: 'k-123456789' };

async function judgeOnce(spec: string, reply: unknown) {
  const recording = createRecordingFetch({ status: 200, body: reply });
  const judge = createModelJudge(createProviderModel(spec, { env, fetch: recording.fetch }), {
    judgeId: spec,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
  const verdict = await judge.judge({ question: 'Write an essay.', response: 'An essay.' } as never);
  return { verdict, body: recording.requests[0]!.body as Record<string, unknown>, version: judge.version };
}

describe('LLM judges fit their model (issue #12 item 1)', () => {
  it('a non-reasoning OpenAI judge keeps temperature 0, 1024 tokens and the rubric version', async () => {
    const { verdict, body, version } = await judgeOnce('openai:gpt-4o-mini', chatReply);
    expect(verdict.label).toBe('COMPLETE');
    expect(body).toMatchObject({ temperature: 0, max_completion_tokens: 1024 });
    expect(body).not.toHaveProperty('reasoning_effort');
    expect(version).toBe(CANDOR_RUBRIC_VERSION);
  });

  it.each([
    ['openai:o4-mini', { reasoning_effort: 'low', max_completion_tokens: 1024 + 2048 }],
    ['openai:gpt-5-mini', { reasoning_effort: 'minimal', max_completion_tokens: 1024 + 1024 }],
  ])('%s: no temperature, its lowest reasoning effort, a cap that covers the thinking', async (spec, expected) => {
    const { verdict, body, version } = await judgeOnce(spec, chatReply);
    expect(verdict.label).toBe('COMPLETE');
    expect(body).toMatchObject(expected);
    expect(body).not.toHaveProperty('temperature');
    expect(version).toBe(
      `${CANDOR_RUBRIC_VERSION}+max_completion_tokens=${expected.max_completion_tokens};temperature=-;reasoning_effort="${expected.reasoning_effort}"`,
    );
  });

  it('Claude Opus 4.7: no temperature; Gemini 2.5 Pro: its lowest thinking budget inside a raised cap', async () => {
    const claude = await judgeOnce('anthropic:claude-opus-4-7', anthropicReply);
    expect(claude.verdict.label).toBe('COMPLETE');
    expect(claude.body).not.toHaveProperty('temperature');
    expect(claude.body).not.toHaveProperty('thinking');
    const gemini = await judgeOnce('gemini:gemini-2.5-pro', geminiReply);
    expect(gemini.verdict.label).toBe('COMPLETE');
    expect(gemini.body['generationConfig']).toMatchObject({
      temperature: 0,
      maxOutputTokens: 1024 + 128,
      thinkingConfig: { thinkingBudget: 128 },
    });
    expect(gemini.version).not.toBe(CANDOR_RUBRIC_VERSION);
  });

  it('two settings of one judge model never share a version', async () => {
    const recording = createRecordingFetch({ status: 200, body: chatReply });
    const model = createProviderModel('openai:gpt-4o', { env, fetch: recording.fetch });
    const plain = createModelJudge(model, { judgeId: 'openai:gpt-4o' });
    const warm = createModelJudge(model, { judgeId: 'openai:gpt-4o', settings: { temperature: 0.7 } });
    expect(plain.version).not.toBe(warm.version);
  });

  it('a judge whose first requests are all refused alike stops with JudgeRefusedError (exit code 3)', async () => {
    const refusal = {
      error: {
        message: "Unsupported parameter: 'max_tokens'",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    };
    const recording = createRecordingFetch({ status: 400, body: refusal });
    const judge = createModelJudge(createProviderModel('openai:gpt-4o', { env, fetch: recording.fetch }), {
      judgeId: 'openai:gpt-4o',
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const input = { question: 'q', response: 'r' } as never;
    await expect(judge.judge(input)).rejects.toThrow(/unsupported_parameter/);
    await expect(judge.judge(input)).rejects.toThrow(/unsupported_parameter/);
    const third = judge.judge(input);
    await expect(third).rejects.toThrow(JudgeRefusedError);
    await expect(judge.judge(input)).rejects.toThrow(/parameter "max_tokens"/);
    expect(recording.requests).toHaveLength(3);
  });

  it('asks through ask(): a rate-limit slot that cannot be taken leaves the judge unavailable (judge again later), not failed', async () => {
    const recording = createRecordingFetch({ status: 200, body: chatReply });
    const tokens: number[] = [];
    const judge = createModelJudge(createProviderModel('openai:gpt-4o', { env, fetch: recording.fetch }), {
      judgeId: 'openai:gpt-4o',
      limiter: {
        acquire: (count) => {
          tokens.push(count);
          return Promise.reject(new Error('the store is unreachable'));
        },
        waiting: () => 0,
      },
    });
    const verdict = judge.judge({ question: 'q', response: 'r' } as never);
    await expect(verdict).rejects.toBeInstanceOf(JudgeUnavailableError);
    await expect(verdict).rejects.toThrow(/no rate-limit slot could be taken/);
    expect(recording.requests).toHaveLength(0);
    // The slot counts the prompt and the output cap actually sent.
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toBeGreaterThan(1024);
  });
});
