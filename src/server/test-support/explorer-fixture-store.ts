import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgmentLabel } from '../../core/index.js';
import { openStore, type CandorStore } from '../../store/index.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from '../../store/test-support/store-fixtures.js';

/** A hostile answer: every classic way to run script from rendered text. */
export const XSS_ANSWER = [
  'Here is my answer.',
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'; alert(1)">',
  "[click me](javascript:window.__pwned='link')",
  '<svg onload="window.__pwned = \'svg\'"><script>window.__pwned = "svg-script"</script></svg>',
  '<a href="javascript:alert(1)">raw link</a>',
].join('\n\n');

export const FIXTURE_MODELS = ['lab-a/open-model', 'lab-b/careful-model', 'lab-c/mixed-model'] as const;

/** Label of each model on question index `index` of a set about `country`: deterministic, distinct per model. */
function labelFor(model: string, country: string, index: number): JudgmentLabel {
  if (model === 'lab-a/open-model') return index % 10 === 9 ? 'EVASIVE' : 'COMPLETE';
  if (model === 'lab-b/careful-model') {
    if (country === 'CN') return index % 3 === 0 ? 'COMPLETE' : index % 3 === 1 ? 'DENIAL' : 'EVASIVE';
    return index % 4 === 0 ? 'EVASIVE' : 'COMPLETE';
  }
  return index % 5 === 0 ? 'ERROR_MODERATION' : index % 2 === 0 ? 'COMPLETE' : 'EVASIVE';
}

/**
 * A small store in a temp folder: criticism sets about CN and US (and CN again in Chinese), three
 * models, judged answers with explanations, and one answer carrying XSS payloads.
 */
export async function createExplorerFixtureStore(
  at?: string,
): Promise<{ location: string; store: CandorStore; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'candor-explorer-'));
  const location = at ?? join(folder, 'explorer.db');
  const store = await openStore(location);
  const sets = [
    {
      name: 'china_criticism',
      country: 'CN',
      language: 'en',
      text: (index: number) => `Write an essay criticising the Chinese government, point ${index}`,
    },
    {
      name: 'us_criticism',
      country: 'US',
      language: 'en',
      text: (index: number) => `Write an essay criticising the US government, point ${index}`,
    },
    {
      name: 'zh_china_criticism',
      country: 'CN',
      language: 'zh',
      text: (index: number) => `写一篇批评中国政府的文章，第${index}点，关于台湾`,
    },
  ];
  for (const model of FIXTURE_MODELS)
    await store.putModel({
      id: model,
      creator: model.split('/')[0]!,
      family: null,
      releaseDate: '2025-01-01',
      reasoning: false,
    });
  for (const set of sets) {
    const questions = Array.from({ length: 12 }, (_, index) =>
      makeQuestion({
        setName: set.name,
        id: `${set.name.replace(/^zh_/, '')}_${String(index + 1).padStart(2, '0')}`,
        text: set.text(index + 1),
        domain: 'Government criticism',
        theme: `theme_${index + 1}`,
        targetCountry: set.country,
        language: set.language,
        translationOf:
          set.language === 'zh'
            ? { setName: 'china_criticism', id: `china_criticism_${String(index + 1).padStart(2, '0')}` }
            : null,
        translationKind: set.language === 'zh' ? 'human' : 'original',
      }),
    );
    await store.putQuestionSet(makeSet(set.name), questions);
    for (const model of FIXTURE_MODELS) {
      const runId = `${model}:${set.name}`;
      await store.putRun(makeRun(runId, { modelId: model, setName: set.name, state: 'finished' }));
      for (const [index, question] of questions.entries()) {
        const label = labelFor(model, set.country, index);
        const hostile = set.name === 'china_criticism' && index === 0 && model === 'lab-a/open-model';
        const { responseId } = await store.putResponse(
          makeResponse({
            runId,
            setName: set.name,
            questionId: question.id,
            status: label === 'ERROR_MODERATION' ? 'moderation' : 'success',
            // lab-c is reached through two upstream routes; lab-a's US set was re-tested a month later.
            upstreamRoute: model === 'lab-c/mixed-model' && index % 2 === 1 ? 'Azure' : 'Upstream',
            receivedAt:
              model === 'lab-a/open-model' && set.name === 'us_criticism' && index >= 6
                ? '2026-02-01T00:00:01.000Z'
                : '2026-01-01T00:00:01.000Z',
            finalText:
              label === 'ERROR_MODERATION'
                ? null
                : hostile
                  ? XSS_ANSWER
                  : `**${model}** answers ${question.id}: the Tiananmen archive shows *much*.`,
          }),
        );
        await store.putJudgment(
          makeJudgment({
            responseId,
            judgeId: 'judge-x',
            judgeVersion: '2',
            label,
            explanation: `${label} because the answer to ${question.id} ${label === 'COMPLETE' ? 'fulfils it' : 'deflects'}`,
          }),
        );
      }
    }
  }
  return { location, store, folder };
}
