import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandorStore, JudgeWorkRequest } from '../index.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from './store-fixtures.js';

export interface JudgeQueueContractOptions {
  name: string;
  createStore: () => Promise<CandorStore>;
}

const QUESTIONS = ['q1', 'q2', 'q3', 'q4'];
const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

/** Judge-queue behaviour every engine must have: one item and one judgment per (response, judge, version). */
export function runJudgeQueueContract({ name, createStore }: JudgeQueueContractOptions): void {
  describe(`judge queue contract: ${name}`, () => {
    let store: CandorStore;
    let request: JudgeWorkRequest;

    beforeEach(async () => {
      store = await createStore();
      await store.putQuestionSet(
        makeSet('set_a'),
        QUESTIONS.map((id) => makeQuestion({ id })),
      );
      await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
      await store.putRun(makeRun('run-a'));
      await store.putResponses(
        QUESTIONS.map((questionId) =>
          makeResponse({ runId: 'run-a', questionId, status: questionId === 'q4' ? 'moderation' : 'success' }),
        ),
      );
      const responseIds = (await store.listResponses({ runId: 'run-a' })).map((response) => response.responseId);
      request = {
        judgeSpec: 'embedded',
        judgeOptions: { threshold: 0.9 },
        judgeId: 'judge-x',
        judgeVersion: '1',
        responseIds,
      };
    });
    afterEach(async () => {
      await store.close();
    });

    it('enqueues one item per (response, judge, version), beside collection items of the same keys', async () => {
      expect(await store.enqueueWork('collect', [{ runId: 'run-a', questionId: 'q1', sample: 0 }])).toBe(1);
      expect(await store.enqueueJudgeWork(request)).toEqual({ added: 4, requeued: 0 });
      expect(await store.enqueueJudgeWork(request)).toEqual({ added: 0, requeued: 0 });
      expect(await store.enqueueJudgeWork({ ...request, judgeVersion: '2' })).toEqual({ added: 4, requeued: 0 });
      expect(await store.enqueueWork('collect', [{ runId: 'run-a', questionId: 'q1', sample: 0 }])).toBe(0);
      expect(await store.countWork({ kind: 'judge' })).toEqual({ queued: 8, leased: 0, expired: 0, done: 0 });
      expect(await store.countWork({ kind: 'collect' })).toMatchObject({ queued: 1 });
      // Collection workers never see judge items.
      expect(
        (await store.claimWork({ owner: 'collector', limit: 20, leaseMs: 60_000 })).every(
          (item) => item.kind === 'collect',
        ),
      ).toBe(true);
    });

    it('leases distinct judge items to concurrent claimers, with what the judge needs', async () => {
      await store.enqueueJudgeWork(request);
      const claims = await Promise.all(
        ['w1', 'w2', 'w3'].map((owner) => store.claimJudgeWork({ owner, limit: 2, leaseMs: 60_000 })),
      );
      const items = claims.flat();
      expect(items).toHaveLength(4);
      expect(new Set(items.map((item) => item.itemId)).size).toBe(4);
      const first = items.find((item) => item.status === 'moderation')!;
      expect(first).toMatchObject({
        judgeSpec: 'embedded',
        judgeOptions: { threshold: 0.9 },
        judgeId: 'judge-x',
        judgeVersion: '1',
        questionText: 'Question q4',
        attempts: 1,
        alreadyJudged: false,
        runId: 'run-a',
      });
      expect(await store.claimJudgeWork({ owner: 'w4', limit: 5, leaseMs: 60_000 })).toEqual([]);
    });

    it('stores one judgment when a lease expired mid-judgment and two workers finish the item', async () => {
      await store.enqueueJudgeWork({ ...request, responseIds: request.responseIds.slice(0, 1) });
      const [slow] = await store.claimJudgeWork({ owner: 'slow', limit: 1, leaseMs: 100 });
      await sleep(150);
      const [fast] = await store.claimJudgeWork({ owner: 'fast', limit: 1, leaseMs: 60_000 });
      expect(fast!.itemId).toBe(slow!.itemId);
      expect(fast!.attempts).toBe(2);
      const judgment = (label: 'COMPLETE' | 'DENIAL', at: string) =>
        makeJudgment({ responseId: slow!.responseId, label, judgedAt: at });
      const results = await Promise.all([
        store.finishJudgeWork([{ itemId: fast!.itemId, judgment: judgment('COMPLETE', '2026-03-01T00:00:00.000Z') }]),
        store.finishJudgeWork([{ itemId: slow!.itemId, judgment: judgment('DENIAL', '2026-03-01T00:00:01.000Z') }]),
      ]);
      expect(results.flat().filter((result) => result.inserted)).toHaveLength(1);
      expect(await store.listJudgments(slow!.responseId)).toHaveLength(1);
      expect(await store.countWork({ kind: 'judge' })).toMatchObject({ queued: 0, leased: 0, done: 1 });
    });

    it('a claimed item whose response has the judgment already says so', async () => {
      await store.enqueueJudgeWork(request);
      await store.putJudgment(makeJudgment({ responseId: request.responseIds[0]! }));
      const claimed = await store.claimJudgeWork({ owner: 'w', limit: 4, leaseMs: 60_000 });
      expect(claimed.filter((item) => item.alreadyJudged).map((item) => item.responseId)).toEqual([
        request.responseIds[0]!,
      ]);
    });

    it('enqueueing again queues given-up items (no judgment) but not judged ones', async () => {
      await store.enqueueJudgeWork(request);
      const claimed = await store.claimJudgeWork({ owner: 'w', limit: 4, leaseMs: 60_000 });
      await store.finishJudgeWork(
        claimed.map((item, index) => ({
          itemId: item.itemId,
          judgment: index === 0 ? makeJudgment({ responseId: item.responseId }) : null,
        })),
      );
      expect(await store.countWork({ kind: 'judge' })).toMatchObject({ queued: 0, done: 4 });
      expect(await store.enqueueJudgeWork(request)).toEqual({ added: 0, requeued: 3 });
      expect(await store.countWork({ kind: 'judge' })).toMatchObject({ queued: 3, done: 1 });
    });
  });
}
