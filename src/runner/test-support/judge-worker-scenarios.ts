import { describe, expect, it } from 'vitest';
import type { Judge } from '../../judge/index.js';
import { createProviderModel } from '../../providers/index.js';
import { createRecordingFetch } from '../../providers/test-support/recording-fetch.js';
import type { CandorStore } from '../../store/index.js';
import type { EngineEvent } from '../engine-events.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from '../../store/test-support/store-fixtures.js';
import { createModelJudge } from '../create-model-judge.js';
import { createSharedRateLimiter } from '../rate-limiter.js';
import { runJudgeWorker } from '../run-judge-worker.js';

export interface JudgeWorkerScenarioOptions {
  name: string;
  /** A new empty store; `connect` opens more connections to it (one per worker, as separate processes have). */
  createStore: () => Promise<{ store: CandorStore; connect: () => Promise<CandorStore> }>;
  /** The mock server (runner code may not import it; test files pass it in), answering LLM judge prompts with COMPLETE. */
  startJudgeServer: (limit: { requestsPerMinute: number; windowMs: number }) => Promise<JudgeServer>;
  maxInRollingWindow: (timestamps: readonly number[], windowMs: number) => number;
}

/** What the scenarios need of the mock server. */
export interface JudgeServer {
  url: string;
  stats(): { completionRequests: number; rateLimited: number; arrivalTimesMs: readonly number[] };
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** `count` responses of run-j, every tenth a moderation block (labelled by rule); returns their ids. */
async function seedResponses(store: CandorStore, count: number): Promise<number[]> {
  const questions = Array.from({ length: count }, (_, index) =>
    makeQuestion({ setName: 'set_j', id: `q${String(index).padStart(3, '0')}` }),
  );
  await store.putQuestionSet(makeSet('set_j'), questions);
  await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putRun(makeRun('run-j', { setName: 'set_j' }));
  const results = await store.putResponses(
    questions.map((question, index) =>
      makeResponse({
        runId: 'run-j',
        setName: 'set_j',
        questionId: question.id,
        status: index % 10 === 9 ? 'moderation' : 'success',
        finalText: index % 10 === 9 ? null : `REQUEST answer ${index}`,
      }),
    ),
  );
  return results.map((result) => result.responseId);
}

/** A judge that counts its calls and takes a little time, so that workers overlap. */
function countingJudge(version = '1'): Judge & { calls: () => number } {
  let calls = 0;
  return {
    id: 'counting',
    version,
    promptHash: null,
    source: 'llm',
    async judge() {
      calls += 1;
      await sleep(3);
      return { label: 'COMPLETE', explanation: 'ok', rawOutput: 'LABEL: COMPLETE' };
    },
    calls: () => calls,
  };
}

async function judgmentsPerResponse(
  store: CandorStore,
  responseIds: readonly number[],
  judgeId: string,
): Promise<number[]> {
  return Promise.all(
    responseIds.map(
      async (responseId) =>
        (await store.listJudgments(responseId)).filter((judgment) => judgment.judgeId === judgeId).length,
    ),
  );
}

/** Distributed judging: workers racing on one store judge each response exactly once. */
export function runJudgeWorkerScenarios({
  name,
  createStore,
  startJudgeServer,
  maxInRollingWindow,
}: JudgeWorkerScenarioOptions): void {
  describe(`judge workers: ${name}`, () => {
    it(
      'three workers judge each response exactly once; failed outcomes by rule, without a call',
      { timeout: 60_000 },
      async () => {
        const { store, connect } = await createStore();
        const ids = await seedResponses(store, 60);
        const judge = countingJudge();
        expect(
          await store.enqueueJudgeWork({
            judgeSpec: 'counting',
            judgeOptions: {},
            judgeId: judge.id,
            judgeVersion: judge.version,
            responseIds: ids,
          }),
        ).toEqual({ added: 60, requeued: 0 });
        const stores = await Promise.all([0, 1, 2].map(() => connect()));
        const resolved: string[] = [];
        const summaries = await Promise.all(
          stores.map((workerStore, index) =>
            runJudgeWorker({
              store: workerStore,
              owner: `judge-w${index}`,
              resolveJudge: async (spec) => {
                resolved.push(spec);
                return judge;
              },
              concurrency: 4,
              leaseMs: 10_000,
              pollMs: 20,
              untilEmpty: true,
            }),
          ),
        );
        await Promise.all(stores.map((workerStore) => workerStore.close()));
        expect(summaries.reduce((sum, summary) => sum + summary.judged, 0)).toBe(60);
        expect(summaries.reduce((sum, summary) => sum + summary.byRule, 0)).toBe(6);
        expect(summaries.every((summary) => summary.stopReason === 'empty' && summary.duplicates === 0)).toBe(true);
        expect(judge.calls()).toBe(54);
        // Each worker resolved the spec once, however many items it judged.
        expect(resolved.length).toBeLessThanOrEqual(3);
        expect(await judgmentsPerResponse(store, ids, 'counting')).toEqual(ids.map(() => 1));
        expect(await store.countWork({ kind: 'judge' })).toEqual({ queued: 0, leased: 0, expired: 0, done: 60 });
        await store.close();
      },
    );

    it(
      "a dead worker's leased judge items come back after the lease expires and are judged once",
      { timeout: 60_000 },
      async () => {
        const { store, connect } = await createStore();
        const ids = await seedResponses(store, 12);
        const judge = countingJudge();
        await store.enqueueJudgeWork({
          judgeSpec: 'counting',
          judgeOptions: {},
          judgeId: judge.id,
          judgeVersion: judge.version,
          responseIds: ids,
        });
        // The dead worker claims and never finishes nor renews. The clock starts before the claim, so
        // it starts no later than the lease does: every orphan must wait out the whole 500 ms.
        const started = Date.now();
        const orphaned = await store.claimJudgeWork({ owner: 'dead', limit: 5, leaseMs: 500 });
        expect(orphaned).toHaveLength(5);
        const judgedItems = new Map<number, number>();
        const workerStore = await connect();
        const summary = await runJudgeWorker({
          store: workerStore,
          owner: 'survivor',
          resolveJudge: async () => judge,
          concurrency: 3,
          leaseMs: 10_000,
          pollMs: 25,
          untilEmpty: true,
          onEvent: (event) => {
            if (event.type === 'judged' && event.itemId !== null) judgedItems.set(event.itemId, Date.now() - started);
          },
        });
        await workerStore.close();
        expect(summary.judged).toBe(12);
        // 5 ms for rounding between the database's clock (µs) and Date.now (ms).
        for (const item of orphaned) expect(judgedItems.get(item.itemId)).toBeGreaterThanOrEqual(495);
        expect(
          await store.renewLeases(
            'dead',
            orphaned.map((item) => item.itemId),
            60_000,
          ),
        ).toEqual([]);
        expect(await judgmentsPerResponse(store, ids, 'counting')).toEqual(ids.map(() => 1));
        await store.close();
      },
    );

    it(
      'an LLM judge on the mock server keeps the limit shared through the store across workers',
      { timeout: 60_000 },
      async () => {
        const limit = 5;
        const windowMs = 400;
        const server = await startJudgeServer({ requestsPerMinute: limit, windowMs });
        try {
          const { store, connect } = await createStore();
          const ids = await seedResponses(store, 20);
          await store.putRateLimit({
            key: 'judge-key',
            requestsPerWindow: limit,
            tokensPerWindow: null,
            windowMs,
            // The slot is taken when a request is about to be sent and the server times its arrival; on a
            // loaded machine a send can lag its slot by a few hundred ms, so the margin covers that lag.
            safetyMarginMs: 400,
          });
          const makeJudge = (workerStore: CandorStore) =>
            createModelJudge(createProviderModel('openai-compatible:mock/judge', { baseURL: server.url, env: {} }), {
              judgeId: 'openai-compatible:mock/judge',
              limiter: createSharedRateLimiter(workerStore, 'judge-key'),
              retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
            });
          const reference = makeJudge(store);
          await store.enqueueJudgeWork({
            judgeSpec: reference.id,
            judgeOptions: {},
            judgeId: reference.id,
            judgeVersion: reference.version,
            responseIds: ids,
          });
          const stores = await Promise.all([0, 1].map(() => connect()));
          const summaries = await Promise.all(
            stores.map((workerStore, index) =>
              runJudgeWorker({
                store: workerStore,
                owner: `llm-w${index}`,
                resolveJudge: async () => makeJudge(workerStore),
                concurrency: 4,
                leaseMs: 10_000,
                pollMs: 20,
                untilEmpty: true,
              }),
            ),
          );
          await Promise.all(stores.map((workerStore) => workerStore.close()));
          const stats = server.stats();
          expect(summaries.reduce((sum, summary) => sum + summary.judged, 0)).toBe(20);
          expect(summaries.reduce((sum, summary) => sum + (summary.labels['COMPLETE'] ?? 0), 0)).toBe(18);
          expect(stats.rateLimited).toBe(0);
          expect(stats.completionRequests).toBe(18);
          expect(maxInRollingWindow(stats.arrivalTimesMs, windowMs)).toBeLessThanOrEqual(limit);
          expect(await judgmentsPerResponse(store, ids, reference.id)).toEqual(ids.map(() => 1));
          await store.close();
        } finally {
          await server.close();
        }
      },
    );

    it('a judge refused alike halts the judge worker cleanly (stop reason refused), every item back in the queue', async () => {
      const { store } = await createStore();
      const ids = await seedResponses(store, 6);
      const refusal = { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } };
      const recording = createRecordingFetch({ status: 401, body: refusal });
      const judge = createModelJudge(
        createProviderModel('openai-compatible:mock/judge', {
          baseURL: 'http://127.0.0.1:9/v1',
          env: {},
          fetch: recording.fetch,
        }),
        { judgeId: 'refused-judge', retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
      );
      await store.enqueueJudgeWork({
        judgeSpec: 'refused-judge',
        judgeOptions: {},
        judgeId: judge.id,
        judgeVersion: judge.version,
        responseIds: ids,
      });
      const events: EngineEvent[] = [];
      const summary = await runJudgeWorker({
        store,
        owner: 'refused',
        resolveJudge: async () => judge,
        concurrency: 1,
        pollMs: 20,
        untilEmpty: true,
        onEvent: (event) => events.push(event),
      });
      expect(summary).toMatchObject({ stopReason: 'refused', judged: 0, unavailable: 2 });
      expect(events.filter((event) => event.type === 'stopping')).toEqual([
        {
          type: 'stopping',
          reason: 'refused',
          detail: expect.stringMatching(
            /^judge refused-judge stopped: the first 3 requests were all refused the same way \(HTTP 401/,
          ),
        },
      ]);
      expect(events.at(-1)).toMatchObject({ type: 'finish', summary: { stopReason: 'refused' } });
      // No more requests after the halt; nothing was judged or given up: every item is queued again.
      expect(recording.requests).toHaveLength(3);
      expect(await store.countWork({ kind: 'judge' })).toMatchObject({ queued: 6, leased: 0, done: 0 });
      await store.close();
    });

    it('refuses a judge whose version differs from the enqueued one, and gives the items back', async () => {
      const { store } = await createStore();
      const ids = await seedResponses(store, 4);
      await store.enqueueJudgeWork({
        judgeSpec: 'counting',
        judgeOptions: {},
        judgeId: 'counting',
        judgeVersion: '1',
        responseIds: ids,
      });
      await expect(
        runJudgeWorker({
          store,
          owner: 'newer',
          resolveJudge: async () => countingJudge('2'),
          concurrency: 2,
          pollMs: 20,
          untilEmpty: true,
        }),
      ).rejects.toThrow(/enqueued for counting@1/);
      expect(await store.countWork({ kind: 'judge' })).toMatchObject({ queued: 4, leased: 0, done: 0 });
      await store.close();
    });
  });
}
