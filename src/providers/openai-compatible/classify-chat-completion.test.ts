import { describe, expect, it } from 'vitest';
import { isRetryableOutcome } from '../shared/execute-generate.js';
import { classifyChatCompletion } from './classify-chat-completion.js';
import {
  alibabaChoiceError,
  alibabaRawString,
  azurePromptFilter,
  geminiBareSafety,
  insufficientCredits,
  openAIFlagged,
  openRouterCompletion,
  openRouterModeration403,
  openRouterNativeOther,
  openRouterWithCost,
  refusalBesideEmptyContent,
  rateLimited,
  vllmBadRequest,
} from './fixtures/chat-completion-payloads.js';

const ok = (body: unknown, httpStatus: number | null = 200) => classifyChatCompletion({ httpStatus, body });

describe('classifyChatCompletion: success', () => {
  it('extracts text, upstream route, usage and cost', () => {
    const outcome = ok(openRouterWithCost);
    expect(outcome).toEqual({
      status: 'success',
      finishReason: { unified: 'stop', raw: 'stop' },
      finalText: 'A full essay answer.',
      reasoningText: null,
      upstreamRoute: 'StreamLake',
      usage: { promptTokens: 52, completionTokens: 900, reasoningTokens: 312 },
      costUsd: 0.0001180172,
      statusDetail: null,
    });
  });

  it('keeps message.reasoning apart from the answer', () => {
    const outcome = ok(openRouterCompletion({ reasoning: 'Okay, the user wants…' }));
    expect(outcome.reasoningText).toBe('Okay, the user wants…');
    expect(outcome.finalText).toBe('A full essay answer.');
  });

  it('keeps message.reasoning_content apart (DeepSeek / vLLM)', () => {
    const body = {
      choices: [
        {
          index: 0,
          finish_reason: 'stop',
          message: { role: 'assistant', content: 'Answer', reasoning_content: 'Thinking' },
        },
      ],
      usage: null,
    };
    expect(ok(body)).toMatchObject({
      status: 'success',
      finalText: 'Answer',
      reasoningText: 'Thinking',
      upstreamRoute: null,
    });
  });

  it('moves a leading <think> block to reasoningText', () => {
    const outcome = ok(openRouterCompletion({ content: '<think>\nPlan the essay.\n</think>\n\nThe essay.' }));
    expect(outcome).toMatchObject({ status: 'success', finalText: 'The essay.', reasoningText: 'Plan the essay.' });
  });

  it('moves a leading ◁think▷ block (Kimi) to reasoningText', () => {
    const outcome = ok(openRouterCompletion({ content: '◁think▷Hmm.◁/think▷Poem.' }));
    expect(outcome).toMatchObject({ status: 'success', finalText: 'Poem.', reasoningText: 'Hmm.' });
  });

  it('treats text before a lone </think> as reasoning (template emitted the opening tag)', () => {
    const outcome = ok(openRouterCompletion({ content: 'Okay, I need to…\n</think>\n\nAnswer.' }));
    expect(outcome).toMatchObject({ status: 'success', finalText: 'Answer.', reasoningText: 'Okay, I need to…' });
  });

  it('joins content-part arrays and separates reasoning parts', () => {
    const body = {
      choices: [
        {
          finish_reason: 'stop',
          message: {
            content: [
              { type: 'reasoning', text: 'R' },
              { type: 'text', text: 'A' },
              { type: 'text', text: 'B' },
            ],
          },
        },
      ],
    };
    expect(ok(body)).toMatchObject({ status: 'success', finalText: 'AB', reasoningText: 'R' });
  });

  it('accepts content with no finish reason, noting it', () => {
    const outcome = ok(openRouterCompletion({ finishReason: null, nativeFinishReason: null }));
    expect(outcome).toMatchObject({
      status: 'success',
      finishReason: { unified: 'unknown', raw: null },
      statusDetail: 'no finish reason reported',
    });
  });

  it('uses the native finish reason when the normalised one is absent', () => {
    expect(ok(openRouterCompletion({ finishReason: null, nativeFinishReason: 'STOP' })).finishReason).toEqual({
      unified: 'stop',
      raw: 'STOP',
    });
  });
});

describe('classifyChatCompletion: truncation and moderation', () => {
  it('finish reason length is truncation', () => {
    expect(ok(openRouterCompletion({ finishReason: 'length', nativeFinishReason: 'length' }))).toMatchObject({
      status: 'truncation',
      finishReason: { unified: 'length', raw: 'length' },
      finalText: 'A full essay answer.',
    });
  });

  it('native MAX_TOKENS is truncation even when the normalised reason says stop', () => {
    expect(ok(openRouterCompletion({ finishReason: 'stop', nativeFinishReason: 'MAX_TOKENS' })).status).toBe(
      'truncation',
    );
  });

  it('truncation wins over a content filter', () => {
    expect(ok(openRouterCompletion({ finishReason: 'length', nativeFinishReason: 'SAFETY' })).status).toBe(
      'truncation',
    );
    const choiceErrorAndLength = structuredClone(alibabaChoiceError) as { choices: Array<Record<string, unknown>> };
    choiceErrorAndLength.choices[0]!['finish_reason'] = 'length';
    expect(ok(choiceErrorAndLength).status).toBe('truncation');
  });

  it.each(['content_filter', 'refusal', 'SAFETY', 'PROHIBITED_CONTENT', 'RECITATION', 'BLOCKLIST', 'SPII'])(
    'finish reason %s is moderation',
    (raw) => {
      const outcome = ok(openRouterCompletion({ finishReason: raw, nativeFinishReason: raw }));
      expect(outcome).toMatchObject({ status: 'moderation', finishReason: { unified: 'content-filter', raw } });
    },
  );

  it('a filtering native_finish_reason under a plain stop is moderation', () => {
    expect(ok(openRouterCompletion({ finishReason: 'stop', nativeFinishReason: 'PROHIBITED_CONTENT' })).status).toBe(
      'moderation',
    );
  });

  it('OpenAI "flagged" upstream error is moderation', () => {
    const outcome = ok(openAIFlagged, 400);
    expect(outcome.status).toBe('moderation');
    expect(outcome.statusDetail).toContain('flagged');
  });

  it('a data_inspection_failed code inside a metadata.raw JSON string is moderation', () => {
    // The outer message ("Provider returned error") says nothing; only the raw string does.
    expect(ok(alibabaRawString, 400).status).toBe('moderation');
  });

  it('a filter error inside a 200 body at choice level is moderation, keeping the partial text', () => {
    expect(ok(alibabaChoiceError, 200)).toMatchObject({
      status: 'moderation',
      upstreamRoute: 'Alibaba',
      finalText: '### Critical Analysis of Forced Labor',
    });
  });

  it('an HTTP 400 Azure content_filter error is moderation', () => {
    expect(ok(azurePromptFilter, 400).status).toBe('moderation');
  });

  it('an HTTP 403 OpenRouter moderation error is moderation', () => {
    const body = {
      error: {
        code: 403,
        message: 'openai/gpt-4o requires moderation on OpenRouter. Your input was flagged for "violence".',
        metadata: { reasons: ['violence'], flagged_input: '…', provider_name: 'OpenAI' },
      },
    };
    expect(ok(body, 403).status).toBe('moderation');
  });

  it('a plain-text 403 mentioning the filter is moderation', () => {
    expect(ok('Request blocked by content filter', 403).status).toBe('moderation');
  });

  it('the bare word SAFETY with no tokens is moderation', () => {
    expect(ok(geminiBareSafety)).toMatchObject({ status: 'moderation', upstreamRoute: 'Google' });
  });

  it('an empty stop after ≤ 5 completion tokens is moderation', () => {
    expect(ok(openRouterCompletion({ content: '\n', completionTokens: 2 })).status).toBe('moderation');
    expect(ok(openRouterCompletion({ content: '', completionTokens: 5 })).status).toBe('moderation');
  });
});

describe('classifyChatCompletion: errors, empty, missing, unknown', () => {
  it('insufficient credits is a provider error with code and message', () => {
    expect(ok(insufficientCredits, 402)).toMatchObject({
      status: 'provider_error',
      statusDetail: expect.stringMatching(/^402: Insufficient credits/),
    });
  });

  it('a rate limit is a provider error; echoed header names do not count as filter words', () => {
    expect(ok(rateLimited, 429)).toMatchObject({
      status: 'provider_error',
      statusDetail: expect.stringContaining('429'),
    });
  });

  it('an error string inside a 200 body is a provider error', () => {
    expect(ok({ error: 'After 8 retries: Received empty response from server' }, null)).toMatchObject({
      status: 'provider_error',
      statusDetail: expect.stringContaining('Received empty response'),
    });
  });

  it('a vLLM {object:"error"} body is a provider error', () => {
    expect(ok(vllmBadRequest, 400)).toMatchObject({
      status: 'provider_error',
      statusDetail: expect.stringContaining('maximum context length'),
    });
  });

  it('an HTTP 500 with an unrecognised JSON body is a provider error', () => {
    expect(ok({ detail: 'Internal Server Error' }, 500).status).toBe('provider_error');
  });

  it('malformed JSON and an empty body are provider errors', () => {
    expect(ok('<html>502 Bad Gateway', 200)).toMatchObject({
      status: 'provider_error',
      statusDetail: expect.stringContaining('malformed JSON'),
    });
    expect(ok('', 200).status).toBe('provider_error');
    expect(ok(null, 502).status).toBe('provider_error');
  });

  it('finish reason error is a provider error', () => {
    expect(ok(openRouterCompletion({ finishReason: 'error', nativeFinishReason: null })).status).toBe('provider_error');
  });

  it('whitespace content with normal usage is empty', () => {
    expect(ok(openRouterCompletion({ content: '  \n', completionTokens: 40 }))).toMatchObject({
      status: 'empty',
      statusDetail: 'empty answer',
    });
  });

  it('an unterminated think block is empty, with the reasoning kept', () => {
    const outcome = ok(openRouterCompletion({ content: '◁think▷Okay, so the user is asking', completionTokens: 348 }));
    expect(outcome).toMatchObject({ status: 'empty', finalText: '', reasoningText: 'Okay, so the user is asking' });
    expect(outcome.statusDetail).toContain('unterminated think block');
  });

  it('reasoning but no answer is empty', () => {
    expect(ok(openRouterCompletion({ content: null, reasoning: 'long thoughts', completionTokens: 2 })).status).toBe(
      'empty',
    );
  });

  it('a choice with no message or content is missing_content', () => {
    expect(ok({ choices: [{ index: 0, finish_reason: 'stop' }] }).status).toBe('missing_content');
    expect(
      ok({
        choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: null } }],
        usage: { completion_tokens: 30 },
      }).status,
    ).toBe('missing_content');
    expect(ok({ choices: [] }).status).toBe('missing_content');
  });

  it('an unrecognised body is unknown_shape, naming the keys it saw', () => {
    const outcome = ok({ result: { text: 'hi' }, id: 'x' });
    expect(outcome).toMatchObject({ status: 'unknown_shape' });
    expect(outcome.statusDetail).toContain('[id, result]');
    expect(ok([1, 2]).status).toBe('unknown_shape');
    expect(ok({ choices: 'text' }).status).toBe('unknown_shape');
  });

  it('an unrecognised finish reason is unknown_shape rather than a guess', () => {
    expect(
      ok(openRouterCompletion({ finishReason: 'galaxy_brain', nativeFinishReason: 'galaxy_brain' })),
    ).toMatchObject({
      status: 'unknown_shape',
      statusDetail: 'unrecognised finish reason "galaxy_brain"',
    });
  });
});

describe('classifyChatCompletion: each content-filter error signal on its own', () => {
  it.each([
    ['code data_inspection_failed', { code: 'data_inspection_failed', message: 'Provider returned error' }],
    [
      'Alibaba DataInspectionFailed',
      { code: 502, message: 'Upstream error from Alibaba: <400> InternalError.Algo.DataInspectionFailed' },
    ],
    ['inappropriate content', { code: 400, message: 'Output may contain inappropriate content.' }],
    ['type content_filter', { type: 'content_filter', message: 'Request rejected' }],
    ['moderation', { code: 403, message: 'This model requires moderation' }],
    ['flagged', { code: 400, message: 'Your prompt was flagged' }],
    [
      'SAFETY in metadata.raw string',
      { code: 400, message: 'Provider returned error', metadata: { raw: '{"error":{"status":"SAFETY"}}' } },
    ],
    ['PROHIBITED_CONTENT', { code: 400, message: 'blockReason: PROHIBITED_CONTENT' }],
    [
      'Azure ResponsibleAIPolicyViolation',
      { code: 400, message: 'Bad request', innererror: { code: 'ResponsibleAIPolicyViolation' } },
    ],
    ['DeepSeek Content Exists Risk', { code: 400, message: 'Content Exists Risk' }],
    ['Moonshot high risk', { code: 400, message: 'The request was rejected because it was considered high risk' }],
  ])('%s → moderation', (_name, error) => {
    expect(classifyChatCompletion({ httpStatus: 400, body: { error } }).status).toBe('moderation');
  });

  it.each([
    ['bad request', { code: 400, message: 'Invalid value for max_tokens' }],
    [
      'rate limit with header echo',
      { code: 429, message: 'slow down', metadata: { headers: { 'X-Moderation-Flagged': 'false' } } },
    ],
    ['auth', { code: 401, message: 'No auth credentials found' }],
  ])('%s → provider_error', (_name, error) => {
    expect(classifyChatCompletion({ httpStatus: 400, body: { error } }).status).toBe('provider_error');
  });

  it('OpenRouter 403 with metadata.reasons is moderation whatever the message says (issue #12 item 9)', () => {
    const outcome = classifyChatCompletion({ httpStatus: 403, body: openRouterModeration403 });
    expect(outcome.status).toBe('moderation');
    expect(outcome.statusDetail).toContain('violence/graphic');
    expect(outcome.statusDetail).toContain('[OpenAI]');
  });

  it('a refusal beside content "" keeps the refusal text (issue #12 item 12)', () => {
    expect(classifyChatCompletion({ httpStatus: 200, body: refusalBesideEmptyContent })).toMatchObject({
      status: 'success',
      finalText: "I'm sorry, I cannot assist with that request.",
      statusDetail: 'text is the refusal field',
    });
  });

  it("a relayed Gemini OTHER is the same deterministic provider error as Gemini's own", () => {
    const outcome = classifyChatCompletion({ httpStatus: 200, body: openRouterNativeOther });
    expect(outcome.status).toBe('provider_error');
    expect(isRetryableOutcome(outcome, 200, openRouterNativeOther)).toBe(false);
  });
});
