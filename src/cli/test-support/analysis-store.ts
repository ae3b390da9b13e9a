import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgmentLabel, Question } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from '../../store/test-support/store-fixtures.js';

/**
 * A small store for the analysis commands, with hand-countable labels (judge-x; judge-g on set cn):
 * - set cn (CN, en, templates t1..t4), set us (US, en, t1..t4), set zh_cn (zh translations of cn, ids zh1..zh4)
 * - set hard: themes h1, h2 × phrasings 1, 2
 * - lab/a (released 2025-01-01) and lab/b (2025-03-01); lab/a is tested on us twice (January, June);
 *   lab/b answers us through two routes, R1 and R2 (R2 has one provider-blocked row).
 */
export const ANALYSIS_LABELS = {
  'a:cn': ['COMPLETE', 'EVASIVE', 'DENIAL', 'EVASIVE'],
  'b:cn': ['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE'],
  'gold a:cn': ['COMPLETE', 'COMPLETE', 'DENIAL', 'EVASIVE'],
  'gold b:cn': ['COMPLETE', 'COMPLETE', 'EVASIVE', 'COMPLETE'],
  'a:us january': ['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE'],
  'a:us june': ['COMPLETE', 'DENIAL', 'DENIAL', 'COMPLETE'],
  'b:us R1': ['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE'],
  'b:us R2': ['COMPLETE', 'COMPLETE', 'ERROR_MODERATION', 'DENIAL'],
  'a:zh_cn': ['DENIAL', 'EVASIVE', 'DENIAL', 'COMPLETE'],
  'b:zh_cn': ['COMPLETE', 'COMPLETE', 'DENIAL', 'COMPLETE'],
  'a:hard': ['COMPLETE', 'DENIAL', 'COMPLETE', 'COMPLETE'],
  'b:hard': ['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE'],
} as const satisfies Record<string, readonly JudgmentLabel[]>;

function questionsOf(set: string): Question[] {
  const four = [1, 2, 3, 4];
  switch (set) {
    case 'cn':
      return four.map((n) => makeQuestion({ setName: 'cn', id: `cn${n}`, targetCountry: 'CN', templateId: `t${n}` }));
    case 'us':
      return four.map((n) => makeQuestion({ setName: 'us', id: `us${n}`, targetCountry: 'US', templateId: `t${n}` }));
    case 'zh_cn':
      return four.map((n) =>
        makeQuestion({
          setName: 'zh_cn',
          id: `zh${n}`,
          language: 'zh',
          targetCountry: 'CN',
          templateId: `t${n}`,
          translationOf: { setName: 'cn', id: `cn${n}` },
        }),
      );
    default:
      return ['h1', 'h2'].flatMap((theme) =>
        ['1', '2'].map((variation) => makeQuestion({ setName: 'hard', id: `${theme}_${variation}`, theme, variation })),
      );
  }
}

/** Creates the store file and returns its path. */
export async function createAnalysisStore(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'candor-analysis-')), 'candor.db');
  const store = await openStore(path);
  try {
    await store.putModel({ id: 'lab/a', creator: 'lab', family: null, releaseDate: '2025-01-01', reasoning: null });
    await store.putModel({ id: 'lab/b', creator: 'lab', family: null, releaseDate: '2025-03-01', reasoning: null });
    for (const set of ['cn', 'us', 'zh_cn', 'hard']) await store.putQuestionSet(makeSet(set), questionsOf(set));
    const runs: {
      runId: string;
      model: string;
      set: string;
      labels: readonly JudgmentLabel[];
      gold?: readonly JudgmentLabel[];
      route?: string;
      month?: string;
    }[] = [
      { runId: 'a-cn', model: 'lab/a', set: 'cn', labels: ANALYSIS_LABELS['a:cn'], gold: ANALYSIS_LABELS['gold a:cn'] },
      { runId: 'b-cn', model: 'lab/b', set: 'cn', labels: ANALYSIS_LABELS['b:cn'], gold: ANALYSIS_LABELS['gold b:cn'] },
      { runId: 'a-us-jan', model: 'lab/a', set: 'us', labels: ANALYSIS_LABELS['a:us january'], month: '2025-01' },
      { runId: 'a-us-jun', model: 'lab/a', set: 'us', labels: ANALYSIS_LABELS['a:us june'], month: '2025-06' },
      { runId: 'b-us-r1', model: 'lab/b', set: 'us', labels: ANALYSIS_LABELS['b:us R1'], route: 'R1' },
      { runId: 'b-us-r2', model: 'lab/b', set: 'us', labels: ANALYSIS_LABELS['b:us R2'], route: 'R2' },
      { runId: 'a-zh', model: 'lab/a', set: 'zh_cn', labels: ANALYSIS_LABELS['a:zh_cn'] },
      { runId: 'b-zh', model: 'lab/b', set: 'zh_cn', labels: ANALYSIS_LABELS['b:zh_cn'] },
      { runId: 'a-hard', model: 'lab/a', set: 'hard', labels: ANALYSIS_LABELS['a:hard'] },
      { runId: 'b-hard', model: 'lab/b', set: 'hard', labels: ANALYSIS_LABELS['b:hard'] },
    ];
    for (const run of runs) {
      const month = run.month ?? '2025-04';
      await store.putRun(
        makeRun(run.runId, { modelId: run.model, setName: run.set, createdAt: `${month}-01T00:00:00.000Z` }),
      );
      const questions = questionsOf(run.set);
      for (const [index, label] of run.labels.entries()) {
        const question = questions[index]!;
        const { responseId } = await store.putResponse(
          makeResponse({
            runId: run.runId,
            setName: run.set,
            questionId: question.id,
            status: label === 'ERROR_MODERATION' ? 'moderation' : 'success',
            upstreamRoute: run.route ?? 'Upstream',
            rawPayload: JSON.stringify({ run: run.runId, question: question.id }),
            receivedAt: `${month}-02T00:00:00.000Z`,
          }),
        );
        await store.putJudgment(makeJudgment({ responseId, judgeId: 'judge-x', label }));
        const gold = run.gold?.[index];
        if (gold)
          await store.putJudgment(
            makeJudgment({ responseId, judgeId: 'judge-g', label: gold, judgedAt: '2026-01-01T00:00:00.000Z' }),
          );
      }
    }
  } finally {
    await store.close();
  }
  return path;
}
