import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { CandorStore } from '../candor-store.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from './store-fixtures.js';

export interface WorkQueueContractOptions {
  name: string;
  createStore: () => Promise<CandorStore>;
}

const QUESTIONS = ['q1', 'q2', 'q3', 'q4', 'q5'];
const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** Work-queue and shared-rate-limit behaviour every engine must have. */
export function runWorkQueueContract({ name, createStore }: WorkQueueContractOptions): void {
  describe(`work queue contract: ${name}`, () => {
    let store: CandorStore;

    beforeEach(async () => {
      store = await createStore();
      await store.putQuestionSet(
        makeSet('set_a'),
        QUESTIONS.map((id) => makeQuestion({ id })),
      );
      await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
      await store.putRun(makeRun('run-a'));
      const items = QUESTIONS.flatMap((questionId) => [0, 1].map((sample) => ({ runId: 'run-a', questionId, sample })));
      expect(await store.enqueueWork('collect', items)).toBe(10);
    });
    afterEach(async () => {
      await store.close();
    });

    it('enqueueWork takes collection items only (judge items go through enqueueJudgeWork): the typecheck refuses the rest', () => {
      expectTypeOf(store.enqueueWork).parameter(0).toEqualTypeOf<'collect'>();
    });

    it('enqueues each (run, question, sample) once', async () => {
      expect(await store.enqueueWork('collect', [{ runId: 'run-a', questionId: 'q1', sample: 0 }])).toBe(0);
      expect(await store.countWork({ runId: 'run-a' })).toEqual({ queued: 10, leased: 0, expired: 0, done: 0 });
    });

    it('leases distinct items to concurrent claimers, oldest first', async () => {
      const claims = await Promise.all(
        ['w1', 'w2', 'w3', 'w4'].map((owner) => store.claimWork({ owner, limit: 3, leaseMs: 60_000 })),
      );
      const ids = claims.flat().map((item) => item.itemId);
      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      expect(claims.every((claim) => claim.length <= 3)).toBe(true);
      expect(claims.flat().every((item) => item.attempts === 1 && item.kind === 'collect')).toBe(true);
      expect(await store.claimWork({ owner: 'w5', limit: 3, leaseMs: 60_000 })).toEqual([]);
      expect(await store.countWork()).toMatchObject({ queued: 0, leased: 10, expired: 0 });
    });

    it('returns items whose lease expired, keeps renewed ones, and releases on request', async () => {
      const first = await store.claimWork({ owner: 'dead', limit: 4, leaseMs: 150 });
      const kept = await store.claimWork({ owner: 'alive', limit: 2, leaseMs: 150 });
      await sleep(80);
      expect(
        await store.renewLeases(
          'alive',
          kept.map((item) => item.itemId),
          60_000,
        ),
      ).toEqual(kept.map((item) => item.itemId));
      await sleep(120);
      expect((await store.countWork()).expired).toBe(4);
      const reclaimed = await store.claimWork({ owner: 'new', limit: 10, leaseMs: 60_000 });
      expect(reclaimed.filter((item) => item.attempts === 2).map((item) => item.itemId)).toEqual(
        first.map((item) => item.itemId),
      );
      expect(reclaimed.map((item) => item.itemId)).not.toContain(kept[0]!.itemId);
      expect(
        await store.renewLeases(
          'dead',
          first.map((item) => item.itemId),
          60_000,
        ),
      ).toEqual([]);
      expect(await store.releaseWork('new')).toBe(reclaimed.length);
      expect(await store.countWork()).toMatchObject({ queued: 8, leased: 2 });
    });

    it('stores one outcome per item even when two workers finish it', async () => {
      const [item] = await store.claimWork({ owner: 'w1', limit: 1, leaseMs: 60_000 });
      const key = { runId: item!.runId, questionId: item!.questionId, sample: item!.sample };
      const [first, second] = await Promise.all([
        store.finishWork([{ itemId: item!.itemId, response: makeResponse({ ...key, rawPayload: '{"worker":1}' }) }]),
        store.finishWork([{ itemId: item!.itemId, response: makeResponse({ ...key, rawPayload: '{"worker":2}' }) }]),
      ]);
      expect([first![0]!.inserted, second![0]!.inserted].sort()).toEqual([false, true]);
      expect(first![0]!.responseId).toBe(second![0]!.responseId);
      const stored = await store.listResponses({ runId: 'run-a', includeSuperseded: true });
      expect(stored).toHaveLength(1);
      expect(await store.countWork()).toMatchObject({ done: 1, leased: 0, queued: 9 });
      expect(await store.claimWork({ owner: 'w2', limit: 10, leaseMs: 60_000 })).toHaveLength(9);
    });

    it('hands out no collect item of a run a guard halted, until the run runs again', async () => {
      await store.putRun(makeRun('run-b'));
      await store.enqueueWork('collect', [{ runId: 'run-b', questionId: 'q1', sample: 0 }]);
      await store.setRunState('run-a', 'interrupted', null);
      expect(await store.countWork({ kind: 'collect', claimableOnly: true })).toMatchObject({ queued: 1, leased: 0 });
      expect(await store.countWork({ kind: 'collect' })).toMatchObject({ queued: 11 });
      const claimed = await store.claimWork({ owner: 'w1', limit: 20, leaseMs: 60_000 });
      expect(claimed.map((item) => item.runId)).toEqual(['run-b']);
      await store.setRunState('run-a', 'running', null);
      expect(await store.claimWork({ owner: 'w1', limit: 20, leaseMs: 60_000 })).toHaveLength(10);
    });

    it("replaces a run's settings and sums what the run cost, superseded versions included", async () => {
      await store.updateRunSettings('run-a', { maxTokens: 100, guards: { allowTruncation: true, maxCostUsd: 2 } });
      expect((await store.getRun('run-a'))!.settings).toEqual({
        maxTokens: 100,
        guards: { allowTruncation: true, maxCostUsd: 2 },
      });
      expect(await store.runCostUsd('run-a')).toBe(0);
      await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1', costUsd: 0.25 }));
      await store.putResponse(
        makeResponse({ runId: 'run-a', questionId: 'q1', costUsd: 0.5, rawPayload: '{"again":1}' }),
      );
      await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q2', costUsd: null }));
      expect(await store.runCostUsd('run-a')).toBeCloseTo(0.75, 9);
      expect(await store.runCostUsd('no-such-run')).toBe(0);
    });

    it('grants rate slots across callers only while the shared window has room', async () => {
      expect(await store.takeRateSlot('unlimited', 10)).toEqual({ granted: true });
      // A window long enough that the five concurrent takes land in it even on a loaded machine.
      await store.putRateLimit({
        key: 'p',
        requestsPerWindow: 3,
        tokensPerWindow: null,
        windowMs: 5_000,
        safetyMarginMs: 0,
      });
      expect(await store.getRateLimit('p')).toEqual({
        key: 'p',
        requestsPerWindow: 3,
        tokensPerWindow: null,
        windowMs: 5_000,
        safetyMarginMs: 0,
      });
      const results = await Promise.all(Array.from({ length: 5 }, () => store.takeRateSlot('p', 1)));
      expect(results.filter((result) => result.granted)).toHaveLength(3);
      const refused = results.find((result) => !result.granted);
      expect(refused && !refused.granted && refused.retryInMs).toBeGreaterThan(0);
      expect(refused && !refused.granted && refused.retryInMs).toBeLessThanOrEqual(5_002);

      // A slot frees once its window has passed.
      await store.putRateLimit({
        key: 'short',
        requestsPerWindow: 1,
        tokensPerWindow: null,
        windowMs: 300,
        safetyMarginMs: 0,
      });
      expect(await store.takeRateSlot('short', 1)).toEqual({ granted: true });
      const waiting = await store.takeRateSlot('short', 1);
      expect(waiting.granted).toBe(false);
      expect(!waiting.granted && waiting.retryInMs).toBeLessThanOrEqual(302);
      await sleep(320);
      expect(await store.takeRateSlot('short', 1)).toEqual({ granted: true });

      await store.putRateLimit({
        key: 't',
        requestsPerWindow: null,
        tokensPerWindow: 100,
        windowMs: 60_000,
        safetyMarginMs: 0,
      });
      expect(await store.takeRateSlot('t', 500)).toEqual({ granted: true });
      expect((await store.takeRateSlot('t', 1)).granted).toBe(false);
    });
  });
}
