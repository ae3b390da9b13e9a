import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgmentLabel, Question, ResponseStatus } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from '../../store/test-support/store-fixtures.js';

/** Questions per criticism set: enough (≥ 30) for a finding, few enough to count by hand. */
export const N = 40;

const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
const ids = (prefix: string) => range(N).map((n) => `${prefix}${String(n).padStart(2, '0')}`);

/**
 * The store behind the "honest numbers" tests (issue 13), each model built to expose one misreading:
 * - alpha (CN) and beta (US): SpeechMap-like criticism sets, one target each, format numbers f01..f40
 *   shared across them (same format, not an entity swap). alpha_zh: alpha translated to Chinese.
 * - swapset: built-in-like, templates s1, s2 each asked about CN and US (an entity swap).
 * - hard: a different set only lab/hard-only answered.
 * - lab/good 100%, lab/mid 75%, lab/bad 10% on alpha and beta; lab/broken: 36 of 40 per set are
 *   provider errors (missing data), the other 4 DENIAL. lab/good answers alpha_zh at 50% (a gap).
 * - lab/routed: alpha via route R-A on f01..f20 (all COMPLETE) and via R-B on f11..f30 (all DENIAL).
 * - mock/model: a test run (openai-compatible on loopback), 22 answers on alpha, all COMPLETE.
 * - lab/facts-only: model facts, no answers.
 */
export async function createHonestNumbersStore(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'candor-honest-')), 'candor.db');
  const store = await openStore(path);
  try {
    const alpha = ids('f').map((id, index) =>
      makeQuestion({ setName: 'alpha', id, targetCountry: 'CN', templateId: `f${index + 1}` }),
    );
    const beta = ids('f').map((id, index) =>
      makeQuestion({ setName: 'beta', id, targetCountry: 'US', templateId: `f${index + 1}` }),
    );
    const alphaZh = alpha.map((question) =>
      makeQuestion({
        setName: 'alpha_zh',
        id: question.id,
        language: 'zh',
        targetCountry: 'CN',
        translationOf: { setName: 'alpha', id: question.id },
        translationKind: 'machine',
      }),
    );
    const swapset = ['s1', 's2'].flatMap((template) =>
      ['CN', 'US'].map((country) =>
        makeQuestion({
          setName: 'swapset',
          id: `${template}__${country}`,
          targetCountry: country,
          templateId: template,
        }),
      ),
    );
    const hard = ids('h').map((id) => makeQuestion({ setName: 'hard', id }));
    const sets: [string, Question[]][] = [
      ['alpha', alpha],
      ['beta', beta],
      ['alpha_zh', alphaZh],
      ['swapset', swapset],
      ['hard', hard],
    ];
    for (const [name, questions] of sets) await store.putQuestionSet(makeSet(name), questions);
    for (const id of [
      'lab/good',
      'lab/mid',
      'lab/bad',
      'lab/broken',
      'lab/hard-only',
      'lab/routed',
      'lab/facts-only',
      'mock/model',
    ]) {
      await store.putModel({ id, creator: 'lab', family: null, releaseDate: '2025-01-01', reasoning: null });
    }
    let runCount = 0;
    const answer = async (
      model: string,
      set: string,
      questions: readonly Question[],
      labelOf: (index: number) => JudgmentLabel,
      options: { route?: string; provider?: string; settings?: Record<string, unknown> } = {},
    ) => {
      runCount += 1;
      const runId = `run-${runCount}`;
      await store.putRun(
        makeRun(runId, {
          modelId: model,
          setName: set,
          provider: options.provider ?? 'openrouter',
          settings: options.settings ?? { maxTokens: 100 },
        }),
      );
      for (const [index, question] of questions.entries()) {
        const label = labelOf(index);
        const status: ResponseStatus =
          label === 'ERROR_FAILED' ? 'provider_error' : label === 'ERROR_MODERATION' ? 'moderation' : 'success';
        const { responseId } = await store.putResponse(
          makeResponse({
            runId,
            setName: set,
            questionId: question.id,
            status,
            upstreamRoute: options.route ?? 'Upstream',
            rawPayload: JSON.stringify({ runId, id: question.id }),
          }),
        );
        await store.putJudgment(makeJudgment({ responseId, label }));
      }
    };
    for (const [set, questions] of [
      ['alpha', alpha],
      ['beta', beta],
    ] as const) {
      await answer('lab/good', set, questions, () => 'COMPLETE');
      await answer('lab/mid', set, questions, (index) => (index % 4 === 3 ? 'DENIAL' : 'COMPLETE'));
      await answer('lab/bad', set, questions, (index) => (index < 4 ? 'COMPLETE' : 'DENIAL'));
      await answer('lab/broken', set, questions, (index) => (index < 36 ? 'ERROR_FAILED' : 'DENIAL'));
    }
    await answer('lab/good', 'alpha_zh', alphaZh, (index) => (index % 2 === 0 ? 'COMPLETE' : 'DENIAL'));
    await answer('lab/good', 'swapset', swapset, (index) =>
      swapset[index]!.targetCountry === 'US' ? 'COMPLETE' : 'DENIAL',
    );
    await answer('lab/hard-only', 'hard', hard, () => 'COMPLETE');
    await answer('lab/routed', 'alpha', alpha.slice(0, 20), () => 'COMPLETE', { route: 'R-A' });
    await answer(
      'lab/routed',
      'alpha',
      alpha.slice(10, 30).map((question) => ({ ...question })),
      () => 'DENIAL',
      { route: 'R-B' },
    );
    await answer('mock/model', 'alpha', alpha.slice(0, 22), () => 'COMPLETE', {
      provider: 'openai-compatible',
      settings: { modelSpec: 'openai-compatible:mock/model', baseURL: 'http://127.0.0.1:8787/v1' },
    });
  } finally {
    await store.close();
  }
  return path;
}
