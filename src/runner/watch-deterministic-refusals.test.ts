import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../providers/index.js';
import { executeRun } from './execute-run.js';
import { createRunFixture } from './test-support/run-fixture.js';
import { watchDeterministicRefusals } from './watch-deterministic-refusals.js';

const noSleep = async () => {};
/** OpenAI's answer to a temperature sent to a reasoning model (documented error shape). */
const TEMPERATURE_REFUSED = JSON.stringify({
  error: {
    message:
      "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.",
    type: 'invalid_request_error',
    param: 'temperature',
    code: 'unsupported_value',
  },
});
const refused = {
  status: 'provider_error' as const,
  httpStatus: 400,
  retryable: false,
  statusDetail: "unsupported_value: Unsupported value: 'temperature'…",
  rawBody: TEMPERATURE_REFUSED,
};

describe('fail fast on a deterministic refusal (issue #12)', () => {
  it('stops a run after the first few identical 400s, naming the parameter and the fix', async () => {
    const { store, run, questions, settings } = await createRunFixture(200);
    const model = createScriptedModel({}, { fallback: refused });
    const summary = await executeRun({ store, run, settings, model, questions, concurrency: 2, sleep: noSleep });
    expect(summary.stopReason).toBe('refused');
    expect(summary.stored).toBeLessThanOrEqual(4);
    expect(summary.stopDetail).toMatch(
      /first 3 requests were all refused the same way \(HTTP 400, parameter "temperature"/,
    );
    expect(summary.stopDetail).toMatch(/--extra-body/);
    await store.close();
  });

  it('transient errors keep their retries and never stop the run', async () => {
    const { store, run, questions, settings } = await createRunFixture(6);
    const model = createScriptedModel({}, { fallback: { status: 'provider_error', httpStatus: 429, retryable: true } });
    const summary = await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: 2,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      sleep: noSleep,
    });
    expect(summary.stopReason).toBeNull();
    expect(summary.stored).toBe(6);
    expect(model.calls).toHaveLength(12);
    await store.close();
  });

  it('a success first, or different refusals, disarm the watch', () => {
    const success = {
      status: 'success' as const,
      httpStatus: 200,
      retryable: false,
      statusDetail: null,
      rawBody: '{}',
    };
    const afterSuccess = watchDeterministicRefusals();
    expect([success, refused, refused, refused, refused].map((outcome) => afterSuccess.observe(outcome))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    const mixed = watchDeterministicRefusals();
    expect(
      [refused, { ...refused, httpStatus: 404, statusDetail: 'no such model' }, refused, refused].map((outcome) =>
        mixed.observe(outcome),
      ),
    ).toEqual([null, null, null, null]);
    const moderation = watchDeterministicRefusals();
    expect([1, 2, 3, 4].map(() => moderation.observe({ ...refused, status: 'moderation', httpStatus: 403 }))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('401 and 404 name their fix', () => {
    const watch = watchDeterministicRefusals(1);
    expect(
      watch.observe({
        ...refused,
        httpStatus: 401,
        rawBody: '{"error":{"code":401,"message":"No auth credentials found"}}',
      }),
    ).toMatch(/API key was refused/);
    const route = watchDeterministicRefusals(1);
    expect(
      route.observe({
        ...refused,
        httpStatus: 404,
        rawBody: '{"error":{"code":404,"message":"No allowed providers are available for the selected model."}}',
      }),
    ).toMatch(/--or-allow/);
  });
});
