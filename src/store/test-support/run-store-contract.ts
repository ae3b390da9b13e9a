import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandorStore } from '../candor-store.js';
import { LATEST_SCHEMA_VERSION } from '../migrations.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from './store-fixtures.js';

export interface StoreContractOptions {
  name: string;
  createStore: () => Promise<CandorStore>;
}

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

    async function seed(): Promise<void> {
      await store.putQuestionSet(makeSet('set_a'), [
        makeQuestion({ id: 'q1', theme: 't1', variation: '1' }),
        makeQuestion({ id: 'q2', theme: 't1', variation: '2' }),
        makeQuestion({ id: 'q3', theme: 't2', variation: '1', domain: 'Domain Two' }),
      ]);
      await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
      await store.putModel({
        id: 'other/model-b',
        creator: 'other',
        family: 'b',
        releaseDate: '2025-01-01',
        reasoning: true,
      });
      await store.putRun(makeRun('run-a'));
      await store.putRun(makeRun('run-b', { modelId: 'other/model-b' }));
    }

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

    it("answers the explorer: a question's current answers with their latest judgment, judge coverage, data version, search documents", async () => {
      await seed();
      const before = await store.dataVersion();
      const a = await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1', finalText: 'old answer' }));
      const a2 = await store.putResponse(
        makeResponse({ runId: 'run-a', questionId: 'q1', finalText: 'new answer', rawPayload: '{"v":2}' }),
      );
      const b = await store.putResponse(
        makeResponse({ runId: 'run-b', questionId: 'q1', finalText: '', status: 'moderation' }),
      );
      await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q2', finalText: 'second question' }));
      await store.putJudgment(makeJudgment({ responseId: a.responseId, label: 'DENIAL' }));
      await store.putJudgment(
        makeJudgment({ responseId: a2.responseId, label: 'COMPLETE', explanation: 'first look' }),
      );
      await store.putJudgment(
        makeJudgment({
          responseId: a2.responseId,
          judgeId: 'human',
          label: 'EVASIVE',
          explanation: 'both sides',
          judgedAt: '2026-03-01T00:00:00.000Z',
        }),
      );
      expect(await store.dataVersion()).not.toBe(before);

      const answers = await store.listQuestionAnswers('set_a', 'q1');
      expect(
        answers.map((answer) => [answer.modelId, answer.finalText, answer.label, answer.judgeId, answer.explanation]),
      ).toEqual([
        ['lab/model-a', 'new answer', 'EVASIVE', 'human', 'both sides'],
        ['other/model-b', '', null, null, null],
      ]);
      expect(answers[0]).toMatchObject({ responseId: a2.responseId, runId: 'run-a', sample: 0, status: 'success' });
      expect(answers[1]).toMatchObject({ responseId: b.responseId, status: 'moderation' });
      expect(await store.listQuestionAnswers('set_a', 'q3')).toEqual([]);
      // The superseded answer's judgment does not count: judge-x judged one current response.
      expect(await store.countJudgedResponses()).toEqual([
        { judge: 'human', responses: 1 },
        { judge: 'judge-x', responses: 1 },
      ]);

      const documents = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.listSearchDocuments(cursor, 2);
        documents.push(...page.documents);
        cursor = page.next;
        pages += 1;
      } while (cursor !== null && pages < 20);
      expect(
        documents.map((document) => [
          document.kind,
          document.questionId,
          document.body,
          document.model,
          document.label,
        ]),
      ).toEqual([
        ['question', 'q1', 'Question q1', null, null],
        ['question', 'q2', 'Question q2', null, null],
        ['question', 'q3', 'Question q3', null, null],
        ['answer', 'q1', 'new answer', 'lab/model-a', 'EVASIVE'],
        ['explanation', 'q1', 'both sides', 'lab/model-a', 'EVASIVE'],
        ['answer', 'q2', 'second question', 'lab/model-a', null],
      ]);
    });

    it('counts the latest judgment per current response, by any dimension, with judge and blocked filters', async () => {
      await seed();
      const put = async (runId: string, questionId: string, labels: [string, string, string][], status = 'success') => {
        const { responseId } = await store.putResponse(
          makeResponse({
            runId,
            questionId,
            status: status as 'success',
            upstreamRoute: status === 'moderation' ? 'Azure' : 'Upstream',
          }),
        );
        for (const [judgeId, label, judgedAt] of labels) {
          await store.putJudgment(makeJudgment({ responseId, judgeId, label: label as 'COMPLETE', judgedAt }));
        }
      };
      await put('run-a', 'q1', [
        ['old', 'DENIAL', '2025-01-01'],
        ['new', 'COMPLETE', '2026-01-01'],
      ]);
      await put('run-a', 'q2', [['new', 'EVASIVE', '2026-01-01']]);
      await put('run-a', 'q3', [['new', 'ERROR_MODERATION', '2026-01-01']], 'moderation');
      await put('run-b', 'q1', [
        ['old', 'COMPLETE', '2025-01-01'],
        ['new', 'DENIAL', '2026-01-01'],
      ]);
      await put('run-b', 'q2', []); // never judged: not counted

      const byModel = await store.countLabels({ groupBy: ['model'] });
      const sorted = byModel.sort((left, right) => String(left.keys.model).localeCompare(String(right.keys.model)));
      expect(sorted).toEqual([
        { keys: { model: 'lab/model-a' }, labels: { COMPLETE: 1, EVASIVE: 1, ERROR_MODERATION: 1 }, total: 3 },
        { keys: { model: 'other/model-b' }, labels: { DENIAL: 1 }, total: 1 },
      ]);

      const oldJudge = await store.countLabels({ groupBy: ['model'], judge: 'old' });
      expect(oldJudge.find((row) => row.keys.model === 'lab/model-a')?.labels).toEqual({ DENIAL: 1 });
      expect(oldJudge.find((row) => row.keys.model === 'other/model-b')?.labels).toEqual({ COMPLETE: 1 });

      // Blocked rows are always counted: the lens (src/reports/lens.ts) decides whether they count.
      const withBlocked = await store.countLabels({ groupBy: ['model'], filters: { model: 'lab/model-a' } });
      expect(withBlocked).toEqual([
        { keys: { model: 'lab/model-a' }, labels: { COMPLETE: 1, EVASIVE: 1, ERROR_MODERATION: 1 }, total: 3 },
      ]);

      const byDomain = await store.countLabels({ groupBy: ['domain', 'creator'], filters: { set: 'set_a' } });
      expect(byDomain.find((row) => row.keys.domain === 'Domain Two' && row.keys.creator === 'lab')?.total).toBe(1);
      expect(byDomain.reduce((sum, row) => sum + row.total, 0)).toBe(4);

      const rows = await store.listLabelRows({ filters: { model: 'lab/model-a' } });
      expect(rows.map((row) => [row.questionId, row.label, row.judgeId, row.status])).toEqual([
        ['q1', 'COMPLETE', 'new', 'success'],
        ['q2', 'EVASIVE', 'new', 'success'],
        ['q3', 'ERROR_MODERATION', 'new', 'moderation'],
      ]);
      expect(rows[0]).toMatchObject({
        model: 'lab/model-a',
        creator: 'lab',
        set: 'set_a',
        theme: 't1',
        variation: '1',
        language: 'en',
      });
      const oldRows = await store.listLabelRows({ judge: 'old' });
      expect(oldRows.map((row) => [row.model, row.questionId, row.label])).toEqual([
        ['lab/model-a', 'q1', 'DENIAL'],
        ['other/model-b', 'q1', 'COMPLETE'],
      ]);

      const overall = await store.countLabels({ groupBy: [] });
      expect(overall).toEqual([
        { keys: {}, labels: { COMPLETE: 1, EVASIVE: 1, ERROR_MODERATION: 1, DENIAL: 1 }, total: 4 },
      ]);

      // forEachLabelRow hands over exactly the listed rows, in the same order, for any query.
      for (const query of [{}, { filters: { model: 'lab/model-a' } }, { judge: 'old' }, { limit: 2 }] as const) {
        const visited: unknown[] = [];
        const count = await store.forEachLabelRow(query, (row) => visited.push(row));
        expect(visited).toEqual(await store.listLabelRows(query));
        expect(count).toBe(visited.length);
      }
      expect(await store.forEachLabelRow({}, () => {})).toBe(4);
    });

    it('lists the current responses a judge has not judged yet, with their question text', async () => {
      await seed();
      const first = await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1' }));
      const second = await store.putResponse(
        makeResponse({ runId: 'run-a', questionId: 'q2', status: 'moderation', finalText: null }),
      );
      await store.putResponse(makeResponse({ runId: 'run-b', questionId: 'q3' }));
      await store.putJudgment(makeJudgment({ responseId: first.responseId, judgeId: 'j', judgeVersion: '1' }));
      const pending = await store.listResponsesToJudge({ judgeId: 'j', runId: 'run-a' });
      expect(pending).toEqual([
        {
          responseId: second.responseId,
          runId: 'run-a',
          modelId: 'lab/model-a',
          setName: 'set_a',
          questionId: 'q2',
          questionText: 'Question q2',
          status: 'moderation',
          finalText: null,
        },
      ]);
      expect(
        (await store.listResponsesToJudge({ judgeId: 'j', judgeVersion: '2', runId: 'run-a' })).map(
          (row) => row.questionId,
        ),
      ).toEqual(['q1', 'q2']);
      expect((await store.listResponsesToJudge({ judgeId: 'j' })).map((row) => row.questionId)).toEqual(['q2', 'q3']);
    });

    it('lists runs with counts of current outcomes per status', async () => {
      await seed();
      await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1' }));
      await store.putResponse(
        makeResponse({ runId: 'run-a', questionId: 'q2', status: 'provider_error', rawPayload: '{"error":1}' }),
      );
      await store.putResponse(
        makeResponse({
          runId: 'run-a',
          questionId: 'q2',
          rawPayload: '{"ok":1}',
          receivedAt: '2027-01-01T00:00:00.000Z',
        }),
      );
      await store.setRunState('run-a', 'finished', '2026-01-02T00:00:00.000Z');
      const runs = await store.listRuns();
      const runA = runs.find((run) => run.id === 'run-a');
      expect(runA).toMatchObject({
        state: 'finished',
        finishedAt: '2026-01-02T00:00:00.000Z',
        responses: 2,
        statusCounts: { success: 2 },
      });
      expect(await store.getRun('missing')).toBeNull();
      expect(await store.putRun(makeRun('run-a'))).toBe(false);
    });
  });
}
