import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../mock-server/index.js';
import { createProviderModel } from '../providers/index.js';
import { openStore } from '../store/index.js';
import { makeQuestion, makeSet } from '../store/test-support/store-fixtures.js';
import { createRunRecord } from './create-run-record.js';
import { TEST_SETTINGS } from './test-support/run-fixture.js';
import type { CollectionSettings } from './collection-settings.js';
import { runWorker } from './run-worker.js';

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('runWorker on SQLite', () => {
  it('three workers on one file share the queue: each item is asked and stored once', async () => {
    server = await startMockServer({ latencyMs: 5 });
    const path = join(mkdtempSync(join(tmpdir(), 'candor-worker-')), 'queue.db');
    const setup = await openStore(path);
    const questions = Array.from({ length: 60 }, (_, index) => makeQuestion({ setName: 'set_w', id: `q${index}` }));
    const set = makeSet('set_w');
    await setup.putQuestionSet(set, questions);
    const settings: CollectionSettings = {
      ...TEST_SETTINGS,
      modelSpec: 'openai-compatible:mock/model',
      baseURL: server.url,
      maxTokens: 4000,
      samples: 2,
      timeoutMs: 10_000,
    };
    const run = createRunRecord({
      runId: 'worker-run',
      modelId: 'mock/model',
      provider: 'openai-compatible',
      set,
      settings,
      candorVersion: 'test',
      gitCommit: null,
    });
    await setup.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
    await setup.putRun(run);
    const items = questions.flatMap((question) =>
      [0, 1].map((sample) => ({ runId: run.id, questionId: question.id, sample })),
    );
    expect(await setup.enqueueWork('collect', items)).toBe(120);

    // Each worker has its own connection to the file, as separate processes would.
    const stores = await Promise.all([0, 1, 2].map(() => openStore(path)));
    const summaries = await Promise.all(
      stores.map((store, index) =>
        runWorker({
          store,
          owner: `w${index}`,
          concurrency: 4,
          leaseMs: 5_000,
          pollMs: 20,
          untilEmpty: true,
          createModel: (_run, runSettings) =>
            createProviderModel(runSettings.modelSpec, { baseURL: runSettings.baseURL ?? undefined, env: {} }),
        }),
      ),
    );
    await Promise.all(stores.map((store) => store.close()));

    expect(summaries.reduce((sum, summary) => sum + summary.stored, 0)).toBe(120);
    expect(summaries.every((summary) => summary.stopReason === 'empty' && summary.duplicates === 0)).toBe(true);
    expect(server.stats().completionRequests).toBe(120);
    const stored = await setup.listResponses({ runId: run.id, includeSuperseded: true });
    expect(stored).toHaveLength(120);
    expect(new Set(stored.map((response) => `${response.questionId}#${response.sample}`)).size).toBe(120);
    expect(await setup.countWork({ runId: run.id })).toEqual({ queued: 0, leased: 0, expired: 0, done: 120 });
    expect((await setup.getRun(run.id))?.state).toBe('finished');
    await setup.close();
  });

  it('gives unstarted items back on Ctrl-C', async () => {
    server = await startMockServer({ latencyMs: 200 });
    const path = join(mkdtempSync(join(tmpdir(), 'candor-worker-')), 'stop.db');
    const store = await openStore(path);
    const questions = Array.from({ length: 20 }, (_, index) => makeQuestion({ setName: 'set_s', id: `q${index}` }));
    const set = makeSet('set_s');
    await store.putQuestionSet(set, questions);
    const settings: CollectionSettings = {
      ...TEST_SETTINGS,
      modelSpec: 'openai-compatible:mock/model',
      baseURL: server.url,
      maxTokens: 4000,
      samples: 1,
      timeoutMs: 10_000,
    };
    const run = createRunRecord({
      runId: 'stop-run',
      modelId: 'mock/model',
      provider: 'openai-compatible',
      set,
      settings,
      candorVersion: 'test',
      gitCommit: null,
    });
    await store.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
    await store.putRun(run);
    await store.enqueueWork(
      'collect',
      questions.map((question) => ({ runId: run.id, questionId: question.id, sample: 0 })),
    );
    const controller = new AbortController();
    const working = runWorker({
      store,
      owner: 'stopper',
      concurrency: 4,
      pollMs: 20,
      untilEmpty: true,
      signal: controller.signal,
      createModel: (_run, runSettings) =>
        createProviderModel(runSettings.modelSpec, { baseURL: runSettings.baseURL ?? undefined, env: {} }),
    });
    setTimeout(() => controller.abort(new Error('interrupted')), 300);
    const summary = await working;
    expect(summary.stopReason).toBe('interrupted');
    const counts = await store.countWork({ runId: run.id });
    expect(counts.leased).toBe(0);
    expect(counts.done).toBe(summary.stored);
    expect(counts.done + counts.queued).toBe(20);
    expect(counts.done).toBeGreaterThan(0);
    expect((await store.listResponses({ runId: run.id })).length).toBe(summary.stored);
    await store.close();
  });
});
