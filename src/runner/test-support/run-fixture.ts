import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Question } from '../../core/index.js';
import { openStore, type CandorStore } from '../../store/index.js';
import { makeQuestion, makeSet } from '../../store/test-support/store-fixtures.js';
import type { CollectionSettings } from '../collection-settings.js';
import { createRunRecord } from '../create-run-record.js';

export const TEST_SETTINGS: CollectionSettings = {
  modelSpec: 'mock:scripted',
  baseURL: null,
  maxTokens: 100,
  temperature: null,
  reasoning: null,
  systemPrompt: null,
  samples: 1,
  timeoutMs: 5000,
  routing: null,
  apiKeyEnv: null,
};

/** A store with one set of `count` questions (prompts "prompt 0" …) and a planned run over it. */
export async function createRunFixture(count: number, settings: Partial<CollectionSettings> = {}) {
  const store: CandorStore = await openStore(join(mkdtempSync(join(tmpdir(), 'candor-runner-')), 'store.db'));
  const questions: Question[] = Array.from({ length: count }, (_, index) =>
    makeQuestion({ id: `q${String(index).padStart(4, '0')}`, text: `prompt ${index}` }),
  );
  const set = makeSet('set_a');
  await store.putQuestionSet(set, questions);
  const fullSettings = { ...TEST_SETTINGS, ...settings };
  const run = createRunRecord({
    runId: 'run-1',
    modelId: 'lab/scripted',
    provider: 'mock',
    set,
    settings: fullSettings,
    candorVersion: 'test',
    gitCommit: null,
  });
  await store.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putRun(run);
  return { store, run, questions, settings: fullSettings };
}

/** Asserts the run holds exactly one current outcome per question × sample. */
export async function outcomeKeys(store: CandorStore, runId: string): Promise<string[]> {
  const responses = await store.listResponses({ runId });
  return responses.map((response) => `${response.questionId}#${response.sample}`).sort();
}
