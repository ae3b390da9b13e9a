import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer, type MockServerOptions } from '../mock-server/index.js';
import { createProviderModel } from '../providers/index.js';
import { openStore, type CandorStore } from '../store/index.js';
import { makeQuestion, makeSet } from '../store/test-support/store-fixtures.js';
import type { CollectionSettings } from './collection-settings.js';
import { createRunRecord } from './create-run-record.js';
import { TEST_SETTINGS } from './test-support/run-fixture.js';
import type { RunGuards } from './run-guards.js';
import { runWorker, type RunWorkerOptions } from './run-worker.js';

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const QUESTIONS = 40;

/** A store file with one enqueued run of 40 questions ([q0] … [q39]) against the mock server. */
async function setUp(serverOptions: MockServerOptions, guards: RunGuards | undefined, maxTokens = 4000) {
  server = await startMockServer({ latencyMs: 15, ...serverOptions });
  const path = join(mkdtempSync(join(tmpdir(), 'candor-guards-')), 'guards.db');
  const setup = await openStore(path);
  const questions = Array.from({ length: QUESTIONS }, (_, index) =>
    makeQuestion({ setName: 'set_g', id: `q${index}`, text: `Write about topic [q${index}].` }),
  );
  const set = makeSet('set_g');
  await setup.putQuestionSet(set, questions);
  const settings: CollectionSettings = {
    ...TEST_SETTINGS,
    modelSpec: 'openai-compatible:mock/model',
    baseURL: server.url,
    maxTokens,
    timeoutMs: 10_000,
    ...(guards ? { guards } : {}),
  };
  const run = createRunRecord({
    runId: 'guarded',
    modelId: 'mock/model',
    provider: 'openai-compatible',
    set,
    settings,
    candorVersion: 'test',
    gitCommit: null,
  });
  await setup.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
  await setup.putRun(run);
  await setup.enqueueWork(
    'collect',
    questions.map((question) => ({ runId: run.id, questionId: question.id, sample: 0 })),
  );
  return { path, setup, runId: run.id };
}

function workers(path: string, count: number, extra: Partial<RunWorkerOptions> = {}) {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const store: CandorStore = await openStore(path);
      try {
        return await runWorker({
          store,
          owner: `w${index}`,
          concurrency: 2,
          leaseMs: 5_000,
          pollMs: 20,
          untilEmpty: true,
          createModel: (_run, settings) =>
            createProviderModel(settings.modelSpec, { baseURL: settings.baseURL ?? undefined, env: {} }),
          ...extra,
        });
      } finally {
        await store.close();
      }
    }),
  );
}

describe('run guards across workers', () => {
  it('the first truncated answer halts the run for every worker; enqueueing it again with truncation allowed finishes it', async () => {
    const { path, setup, runId } = await setUp({ faults: [{ fault: 'length', match: '[q5]' }] }, undefined);
    const summaries = await workers(path, 2);

    const halts = summaries.flatMap((summary) => summary.haltedRuns);
    expect(halts.map((halt) => [halt.runId, halt.reason])).toEqual([[runId, 'truncation']]);
    expect(halts[0]!.detail).toContain('q5');
    expect(summaries.every((summary) => summary.stopReason === 'empty')).toBe(true);
    expect((await setup.getRun(runId))?.state).toBe('interrupted');
    const stored = await setup.listResponses({ runId, includeSuperseded: true });
    const counts = await setup.countWork({ runId });
    // q5 is asked early (items are claimed oldest first), so most of the run is still queued.
    expect(
      stored.filter((response) => response.status === 'truncation').map((response) => response.questionId),
    ).toEqual(['q5']);
    expect(counts.queued).toBeGreaterThan(0);
    expect(counts.leased).toBe(0);
    expect(stored.length + counts.queued).toBe(QUESTIONS);
    expect(counts.done).toBe(stored.length);
    expect(server!.stats().completionRequests).toBe(stored.length);

    // What `candor run --resume <id> --enqueue --allow-truncation` does.
    const run = (await setup.getRun(runId))!;
    await setup.updateRunSettings(runId, {
      ...run.settings,
      guards: { allowTruncation: true, maxCostUsd: null, price: null },
    });
    await setup.setRunState(runId, 'running', null);
    const again = await workers(path, 2);
    expect(again.flatMap((summary) => summary.haltedRuns)).toEqual([]);
    const all = await setup.listResponses({ runId, includeSuperseded: true });
    expect(all).toHaveLength(QUESTIONS);
    expect(new Set(all.map((response) => response.questionId)).size).toBe(QUESTIONS);
    expect((await setup.getRun(runId))?.state).toBe('finished');
    await setup.close();
  });

  it('an unrecognised payload halts the run, and a worker given --run stops with it (exit reason guard)', async () => {
    const { path, setup, runId } = await setUp({ faults: [{ fault: 'unknown_shape', match: '[q3]' }] }, undefined);
    const [summary] = await workers(path, 1, { runId: 'guarded', untilEmpty: false });
    expect(summary!.stopReason).toBe('guard');
    expect(summary!.haltedRuns.map((halt) => halt.reason)).toEqual(['unknown_shape']);
    expect((await setup.getRun(runId))?.state).toBe('interrupted');
    const stored = await setup.listResponses({ runId, includeSuperseded: true });
    expect(stored.filter((response) => response.status === 'unknown_shape')).toHaveLength(1);
    expect(stored.length).toBeLessThan(QUESTIONS);
    expect(await setup.claimWork({ owner: 'late', limit: 100, leaseMs: 1000 })).toEqual([]);
    await setup.close();
  });

  it("--max-cost holds across workers: spending ends within the other workers' requests in flight of the budget", async () => {
    // Each answer really costs what the mock reports: ~25-60 completion tokens at $10,000 per million.
    // The worst case of one request is its 100-token limit: $1.
    const guards: RunGuards = { allowTruncation: true, maxCostUsd: 5, price: { prompt: 0, completion: 10_000 } };
    const { path, setup, runId } = await setUp(
      { pricePerMillionTokens: { prompt: 0, completion: 10_000 } },
      guards,
      100,
    );
    const summaries = await workers(path, 3);

    const spent = await setup.runCostUsd(runId);
    const halts = summaries.flatMap((summary) => summary.haltedRuns);
    expect(halts.length).toBeGreaterThanOrEqual(1);
    expect(halts.every((halt) => halt.reason === 'budget')).toBe(true);
    expect((await setup.getRun(runId))?.state).toBe('interrupted');
    // Bound: budget + (3 - 1 other workers) × 2 in flight × $1.
    expect(spent).toBeLessThanOrEqual(5 + 2 * 2 * 1);
    // And the budget was used, not refused at the start: a request was only refused when the spent
    // amount plus this worker's worst case passed $5.
    expect(spent).toBeGreaterThan(5 - 2 * 1 - 1);
    const stored = await setup.listResponses({ runId, includeSuperseded: true });
    expect(stored.length).toBeLessThan(QUESTIONS);
    expect(stored.length + (await setup.countWork({ runId })).queued).toBe(QUESTIONS);
    await setup.close();
  });
});
