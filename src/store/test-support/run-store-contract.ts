import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandorStore } from '../candor-store.js';
import { LATEST_SCHEMA_VERSION } from '../migrations.js';
import { makeJudgment, makeQuestion, makeResponse, makeSet } from './store-fixtures.js';
import { runStoreQueriesContract } from './run-store-queries-contract.js';
import { seedContractStore, type StoreContractOptions } from './seed-contract-store.js';

export type { StoreContractOptions } from './seed-contract-store.js';

/** The behaviour every CandorStore must have; run it against each engine. */
export function runStoreContract({ name, createStore }: StoreContractOptions): void {
  describe(`store contract: ${name}`, () => {
    let store: CandorStore;

    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const seed = () => seedContractStore(store);

    it('starts empty at the latest schema version', async () => {
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.counts()).toEqual({
        questionSets: 0,
        questions: 0,
        models: 0,
        runs: 0,
        responses: 0,
        judgments: 0,
      });
    });

    it('round-trips questions with every field, and reports inserted/updated/unchanged', async () => {
      const translated = makeQuestion({
        setName: 'zh_set',
        id: 'q1',
        text: '问题',
        language: 'zh',
        tags: ['a', 'b'],
        targetCountry: 'CN',
        templateId: 'tpl_1',
        translationOf: { setName: 'set_a', id: 'q1' },
        translationKind: 'machine',
      });
      expect(await store.putQuestionSet(makeSet('zh_set'), [translated])).toEqual({
        inserted: 1,
        updated: 0,
        unchanged: 0,
      });
      expect(await store.getQuestions('zh_set')).toEqual([translated]);
      const changed = { ...translated, text: '新问题' };
      expect(await store.putQuestionSet(makeSet('zh_set'), [changed])).toEqual({
        inserted: 0,
        updated: 1,
        unchanged: 0,
      });
      expect(await store.putQuestionSet(makeSet('zh_set'), [changed])).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 1,
      });
      const [summary] = await store.listQuestionSets();
      expect(summary).toMatchObject({ name: 'zh_set', questionCount: 1, language: 'zh' });
    });

    it('stores hostile text losslessly: NUL, lone surrogates, the escape character itself', async () => {
      await seed();
      const hostile = [
        'before\u0000after',
        'lone high \ud800 and low \udc00 and a pair \ud83d\ude00',
        'private \ue000 use, \ue0000 and \ue000u0041 look like escapes',
        '\u0000\u0000\ue000\ud800',
        'U+FFFD \ufffd from invalid UTF-8',
      ];
      const responses = hostile.map((text, index) =>
        makeResponse({
          runId: 'run-a',
          questionId: `q${index + 1}`,
          finalText: text,
          reasoningText: text,
          rawPayload: text,
          statusDetail: text,
          upstreamRoute: text,
        }),
      );
      await store.putQuestionSet(
        makeSet('set_a'),
        hostile.map((text, index) => makeQuestion({ id: `q${index + 1}`, text })),
      );
      await store.putResponses(responses);
      const stored = await store.listResponses({ runId: 'run-a' });
      expect(
        stored.map((response) => [
          response.finalText,
          response.reasoningText,
          response.rawPayload,
          response.statusDetail,
          response.upstreamRoute,
        ]),
      ).toEqual(hostile.map((text) => [text, text, text, text, text]));
      expect((await store.getQuestions('set_a')).map((question) => question.text)).toEqual(hostile);
      // Storing the same outcomes again changes nothing (their payload hashes match what is stored).
      expect((await store.putResponses(responses)).every((result) => !result.inserted)).toBe(true);
    });

    it('writes nothing when a transaction fails', async () => {
      await expect(
        store.transaction(async (writer) => {
          await writer.putQuestionSet(makeSet('set_a'), [makeQuestion({ id: 'q1' })]);
          await writer.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.counts()).toMatchObject({ questionSets: 0, questions: 0, models: 0 });
    });

    it('fills model facts, and overwrites them only when asked', async () => {
      await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
      expect((await store.listModels())[0]).toMatchObject({ creator: 'lab', family: null });
      await store.putModel({
        id: 'lab/model-a',
        creator: 'Lab Inc',
        family: 'a',
        releaseDate: '2025-05-05',
        reasoning: false,
      });
      expect((await store.listModels())[0]).toMatchObject({
        creator: 'lab',
        family: 'a',
        releaseDate: '2025-05-05',
        reasoning: false,
      });
      await store.putModel(
        { id: 'lab/model-a', creator: 'Lab Inc', family: null, releaseDate: null, reasoning: true },
        { overwrite: true },
      );
      expect((await store.listModels())[0]).toMatchObject({ creator: 'Lab Inc', family: 'a', reasoning: true });
    });

    it('keeps one current outcome per (run, question, sample) and stores identical payloads once', async () => {
      await seed();
      const first = await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1' }));
      const again = await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1' }));
      expect(first).toMatchObject({ inserted: true, current: true });
      expect(again).toEqual({ responseId: first.responseId, inserted: false, current: true });

      const newer = await store.putResponse(
        makeResponse({
          runId: 'run-a',
          questionId: 'q1',
          rawPayload: '{"v":2}',
          receivedAt: '2026-03-01T00:00:00.000Z',
        }),
      );
      expect(newer).toMatchObject({ inserted: true, current: true });
      const older = await store.putResponse(
        makeResponse({
          runId: 'run-a',
          questionId: 'q1',
          rawPayload: '{"v":0}',
          receivedAt: '2025-01-01T00:00:00.000Z',
        }),
      );
      expect(older).toMatchObject({ inserted: true, current: false });

      const current = await store.listResponses({ runId: 'run-a' });
      expect(current.map((response) => response.rawPayload)).toEqual(['{"v":2}']);
      const all = await store.listResponses({ runId: 'run-a', includeSuperseded: true });
      expect(all).toHaveLength(3);
      expect(all.filter((response) => response.isCurrent)).toHaveLength(1);

      await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1', sample: 1 }));
      expect(await store.listResponses({ runId: 'run-a' })).toHaveLength(2);
      const keys = await store.listOutcomeKeys('run-a');
      expect(keys.sort((left, right) => left.sample - right.sample)).toEqual([
        { questionId: 'q1', sample: 0 },
        { questionId: 'q1', sample: 1 },
      ]);
    });

    it('applies the same rules to a batch, including versions and duplicates inside it', async () => {
      await seed();
      const results = await store.putResponses([
        makeResponse({
          runId: 'run-a',
          questionId: 'q1',
          rawPayload: '{"v":1}',
          receivedAt: '2026-01-01T00:00:00.000Z',
        }),
        makeResponse({
          runId: 'run-a',
          questionId: 'q1',
          rawPayload: '{"v":2}',
          receivedAt: '2026-02-01T00:00:00.000Z',
        }),
        makeResponse({
          runId: 'run-a',
          questionId: 'q1',
          rawPayload: '{"v":1}',
          receivedAt: '2026-01-01T00:00:00.000Z',
        }),
        makeResponse({ runId: 'run-b', questionId: 'q2' }),
      ]);
      expect(results.map((result) => [result.inserted, result.current])).toEqual([
        [true, false],
        [true, true],
        [false, false],
        [true, true],
      ]);
      expect(results[2]!.responseId).toBe(results[0]!.responseId);
      expect(new Set(results.map((result) => result.responseId)).size).toBe(3);
      const again = await store.putResponses([
        makeResponse({ runId: 'run-a', questionId: 'q1', rawPayload: '{"v":2}' }),
      ]);
      expect(again).toEqual([{ responseId: results[1]!.responseId, inserted: false, current: true }]);

      const judged = await store.putJudgments([
        makeJudgment({ responseId: results[1]!.responseId }),
        makeJudgment({ responseId: results[1]!.responseId }),
        makeJudgment({ responseId: results[3]!.responseId, label: 'DENIAL' }),
      ]);
      expect(judged).toEqual([{ inserted: true }, { inserted: false }, { inserted: true }]);
      expect((await store.counts()).judgments).toBe(2);
    });

    it('round-trips every response field', async () => {
      await seed();
      const response = makeResponse({
        runId: 'run-a',
        questionId: 'q2',
        status: 'moderation',
        finishReason: { unified: 'content-filter', raw: 'SAFETY' },
        finalText: null,
        reasoningText: 'thinking',
        statusDetail: 'blocked',
        httpStatus: 403,
        usage: { promptTokens: 1, completionTokens: null, reasoningTokens: 7 },
        costUsd: null,
        latencyMs: 12.5,
      });
      const { responseId } = await store.putResponse(response);
      const [stored] = await store.listResponses({ runId: 'run-a' });
      expect(stored).toEqual({ ...response, responseId, isCurrent: true, modelId: 'lab/model-a' });
      expect(await store.getResponse(responseId)).toEqual(stored);
      expect(await store.getResponse(responseId + 1000)).toBeNull();
    });

    it('refuses a response to a question that is not in the store', async () => {
      await seed();
      await expect(store.putResponse(makeResponse({ runId: 'run-a', questionId: 'nope' }))).rejects.toThrow();
      expect((await store.counts()).responses).toBe(0);
    });

    it('stores identical judgments once and keeps every other one as history', async () => {
      await seed();
      const { responseId } = await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1' }));
      expect(await store.putJudgment(makeJudgment({ responseId }))).toEqual({ inserted: true });
      expect(await store.putJudgment(makeJudgment({ responseId }))).toEqual({ inserted: false });
      await store.putJudgment(
        makeJudgment({
          responseId,
          judgeId: 'human',
          label: 'EVASIVE',
          source: 'human',
          note: 'both sides',
          judgedAt: '2026-03-01T00:00:00.000Z',
        }),
      );
      const history = await store.listJudgments(responseId);
      expect(history.map((judgment) => judgment.label)).toEqual(['COMPLETE', 'EVASIVE']);
      expect(history[1]).toMatchObject({ note: 'both sides', source: 'human' });
    });
  });
  runStoreQueriesContract({ name, createStore });
}
