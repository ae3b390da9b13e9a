import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandorStore } from '../candor-store.js';
import { makeJudgment, makeResponse, makeRun } from './store-fixtures.js';
import { seedContractStore, type StoreContractOptions } from './seed-contract-store.js';

/** The read half of the store contract: what the explorer, reports and judging ask a store. */
export function runStoreQueriesContract({ name, createStore }: StoreContractOptions): void {
  describe(`store contract, queries: ${name}`, () => {
    let store: CandorStore;

    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const seed = () => seedContractStore(store);

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
