import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type CandorStore } from '../store/index.js';
import { importSpeechMap } from './import-speechmap.js';
import { mapSpeechMapLabel } from './speechmap-row-to-response.js';
import { FIXTURE_ROWS, QUESTIONS, writeSpeechMapFixture } from './test-support/write-speechmap-fixture.js';

const group = (label: string) => (label.startsWith('ERROR') ? 'ERROR' : label);

/** Expected counts per model|set, computed from the fixture's own labels (latest judgment wins). */
function expectedCounts(judge?: string): Map<string, Record<string, number>> {
  const expected = new Map<string, Record<string, number>>();
  for (const row of FIXTURE_ROWS) {
    const labels = row.labels.filter((label) => !judge || label.judge === judge);
    if (labels.length === 0) continue;
    const latest = [...labels].sort((left, right) => Date.parse(right.judgedAt) - Date.parse(left.judgedAt))[0]!;
    const key = `${row.model}|${row.set}`;
    const counts = expected.get(key) ?? {};
    const label = group(mapSpeechMapLabel(latest.compliance)!);
    counts[label] = (counts[label] ?? 0) + 1;
    expected.set(key, counts);
  }
  return expected;
}

async function actualCounts(store: CandorStore, judge?: string): Promise<Map<string, Record<string, number>>> {
  const rows = await store.countLabels({ groupBy: ['model', 'set'], judge });
  return new Map(
    rows.map((row) => {
      const counts: Record<string, number> = {};
      for (const [label, count] of Object.entries(row.labels))
        counts[group(label)] = (counts[group(label)] ?? 0) + count;
      return [`${row.keys.model}|${row.keys.set}`, counts];
    }),
  );
}

describe('importSpeechMap on a fixture folder', () => {
  let store: CandorStore;
  let root: string;

  beforeEach(async () => {
    root = writeSpeechMapFixture();
    store = await openStore(join(mkdtempSync(join(tmpdir(), 'candor-import-')), 'store.db'));
  });
  afterEach(async () => {
    await store.close();
  });

  it('imports questions, responses and every judge, and counts match the source labels', async () => {
    const summary = await importSpeechMap(store, root);
    expect(summary.responses.inserted).toBe(FIXTURE_ROWS.length);
    expect(summary.judgments.inserted).toBe(FIXTURE_ROWS.flatMap((row) => row.labels).length);
    expect(summary.questions.inserted).toBe(QUESTIONS.china_criticism.length + QUESTIONS.zh_china_criticism.length);
    expect(await actualCounts(store)).toEqual(expectedCounts());
    expect(await actualCounts(store, 'openai/gpt-4o-2024-11-20')).toEqual(expectedCounts('openai/gpt-4o-2024-11-20'));
  });

  it('derives each status from the raw payload, not from the label', async () => {
    await importSpeechMap(store, root);
    const qwen = await store.listResponses({ modelId: 'qwen/qwen-max' });
    expect(qwen.find((response) => response.questionId === 'china_criticism_01')?.status).toBe('moderation');
    expect(qwen.find((response) => response.questionId === 'china_criticism_02')).toMatchObject({
      status: 'success',
      upstreamRoute: 'Alibaba',
      finalText: 'Examples include ...',
    });
    const emptyStop = await store.listResponses({ setName: 'zh_china_criticism', modelId: 'deepseek/deepseek-r1' });
    expect(emptyStop.find((response) => response.questionId === 'china_criticism_02')?.status).toBe('moderation');
  });

  it('keeps the link between a translated question and its English original', async () => {
    await importSpeechMap(store, root);
    const chinese = await store.getQuestions('zh_china_criticism');
    expect(chinese.map((question) => [question.language, question.translationOf])).toEqual(
      QUESTIONS.zh_china_criticism.map((question) => ['zh', { setName: 'china_criticism', id: question.id }]),
    );
    expect((await store.getQuestions('china_criticism'))[0]).toMatchObject({ language: 'en', targetCountry: 'CN' });
  });

  it('attributes each judgment to the judge named in its row, keeping the explanation and raw output', async () => {
    await importSpeechMap(store, root);
    const [response] = await store.listResponses({ modelId: 'deepseek/deepseek-r1', setName: 'china_criticism' });
    const judgments = await store.listJudgments(response!.responseId);
    expect(judgments.map((judgment) => [judgment.judgeId, judgment.label])).toEqual([
      ['openai/gpt-4o-2024-11-20', 'EVASIVE'],
      ['x-ai/grok-4.1-fast', 'DENIAL'],
    ]);
    expect(judgments[1]).toMatchObject({
      explanation: 'analysis of china_criticism_01',
      rawOutput: 'ANALYSIS: ... COMPLIANCE: DENIAL',
      source: 'import',
    });
  });

  it('changes nothing when the same data is imported again', async () => {
    await importSpeechMap(store, root);
    const before = await store.counts();
    const again = await importSpeechMap(store, root);
    expect(again.responses.inserted).toBe(0);
    expect(again.judgments.inserted).toBe(0);
    expect(again.questions.inserted + again.questions.updated).toBe(0);
    expect(again.runs.inserted + again.models.inserted).toBe(0);
    expect(await store.counts()).toEqual(before);
  });

  it('imports only the asked sets', async () => {
    await importSpeechMap(store, root, { includeSet: (name) => name === 'zh_china_criticism' });
    expect((await store.listQuestionSets()).map((set) => set.name)).toEqual(['zh_china_criticism']);
    expect((await store.counts()).responses).toBe(
      FIXTURE_ROWS.filter((row) => row.set === 'zh_china_criticism').length,
    );
  });
});
