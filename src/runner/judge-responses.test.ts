import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../providers/index.js';
import { makeResponse } from '../store/test-support/store-fixtures.js';
import { createModelJudge } from './create-model-judge.js';
import { judgeResponses } from './judge-responses.js';
import { createRunFixture } from './test-support/run-fixture.js';

/** A judge model that refuses to label anything mentioning "flaky" and calls "sorry" a DENIAL. */
function scriptedJudgeModel() {
  return createScriptedModel(
    {},
    {
      fallback: (request) => {
        if (request.prompt.includes('flaky'))
          return { status: 'provider_error', retryable: false, finalText: null, statusDetail: '503' };
        if (request.prompt.includes('forbidden'))
          return { status: 'moderation', finalText: null, statusDetail: 'content_filter' };
        return { finalText: `ANALYSIS: checked.\nLABEL: ${request.prompt.includes('sorry') ? 'DENIAL' : 'COMPLETE'}` };
      },
    },
  );
}

describe('judgeResponses', () => {
  it('labels failures by rule, judges successes, and stores nothing when the judge is unavailable', async () => {
    const { store, run } = await createRunFixture(6);
    const outcomes = [
      { questionId: 'q0000', finalText: 'Here is the essay.' },
      { questionId: 'q0001', finalText: 'sorry, I cannot' },
      { questionId: 'q0002', status: 'moderation' as const, finalText: null },
      { questionId: 'q0003', status: 'truncation' as const, finalText: 'cut' },
      { questionId: 'q0004', finalText: 'a flaky answer' },
      { questionId: 'q0005', finalText: 'something forbidden' },
    ];
    for (const outcome of outcomes)
      await store.putResponse(makeResponse({ runId: run.id, ...outcome, rawPayload: JSON.stringify(outcome) }));
    const model = scriptedJudgeModel();
    const judge = createModelJudge(model, {
      judgeId: 'mock:judge',
      retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const summary = await judgeResponses({ store, judge, filter: { runId: run.id }, concurrency: 3 });
    expect(summary).toEqual({
      judged: 5,
      byRule: 2,
      unavailable: 1,
      abstained: 0,
      labels: { COMPLETE: 1, DENIAL: 1, ERROR_MODERATION: 1, ERROR_TRUNCATED: 1, ERROR_JUDGE_FILTERED: 1 },
    });
    // The judge model was called for the four successes only.
    expect(model.calls).toHaveLength(4);
    const rows = await store.listLabelRows({ judge: 'mock:judge' });
    expect(rows.map((row) => [row.questionId, row.label])).toEqual([
      ['q0000', 'COMPLETE'],
      ['q0001', 'DENIAL'],
      ['q0002', 'ERROR_MODERATION'],
      ['q0003', 'ERROR_TRUNCATED'],
      ['q0005', 'ERROR_JUDGE_FILTERED'],
    ]);
    const [judgment] = await store.listJudgments(rows[0]!.responseId);
    expect(judgment).toMatchObject({
      judgeVersion: 'candor-rubric-v1',
      promptHash: judge.promptHash,
      source: 'llm',
      rawOutput: 'ANALYSIS: checked.\nLABEL: COMPLETE',
    });

    const again = await judgeResponses({ store, judge, filter: { runId: run.id } });
    expect(again).toMatchObject({ judged: 0, unavailable: 1 });
    await store.close();
  });

  it('follows a run: judges responses stored after it started, until told to stop', async () => {
    const { store, run } = await createRunFixture(3);
    await store.putResponse(makeResponse({ runId: run.id, questionId: 'q0000', rawPayload: 'a' }));
    const judge = createModelJudge(scriptedJudgeModel(), { judgeId: 'mock:judge' });
    let polls = 0;
    const summary = await judgeResponses({
      store,
      judge,
      filter: { runId: run.id },
      follow: { intervalMs: 1, done: async () => polls >= 3 },
      sleep: async () => {
        polls += 1;
        if (polls === 1) await store.putResponse(makeResponse({ runId: run.id, questionId: 'q0001', rawPayload: 'b' }));
        if (polls === 2) await store.putResponse(makeResponse({ runId: run.id, questionId: 'q0002', rawPayload: 'c' }));
      },
    });
    expect(summary.judged).toBe(3);
    await store.close();
  });
});
