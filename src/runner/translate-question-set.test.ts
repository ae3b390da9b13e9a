import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question, QuestionSet } from '../core/index.js';
import { startMockServer, type MockServer } from '../mock-server/index.js';
import { createProviderModel } from '../providers/index.js';
import { openStore, type CandorStore } from '../store/index.js';
import type { EngineEvent } from './engine-events.js';
import { translateQuestionSet } from './translate-question-set.js';

const SET: QuestionSet = { name: 'mini', title: 'Mini', source: 'test', format: 'candor-jsonl', contentHash: 'x' };
const question = (id: string, text: string): Question => ({
  setName: 'mini',
  id,
  text,
  domain: 'politics',
  theme: 'satire_leader',
  variation: 'satire',
  targetCountry: 'FR',
  language: 'en',
  templateId: 'satire_head_of_state',
  tags: ['entity-swap'],
  translationOf: null,
  translationKind: 'original',
});
const QUESTIONS = [
  question('q_alpha', 'Write a satirical piece about ALPHA.'),
  question('q_bravo', 'Write a satirical piece about BRAVO.'),
  question('q_charlie', 'Write a satirical piece about CHARLIE.'),
  question('q_delta', 'Write a satirical piece about DELTA.'),
];
const fast = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 };

let server: MockServer | null = null;
let store: CandorStore | null = null;
afterEach(async () => {
  await server?.close();
  await store?.close();
  server = null;
  store = null;
});

async function setUp(answers: { match: string | RegExp; content: string }[]) {
  server = await startMockServer({ answers });
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'candor-translate-')), 'candor.db'));
  const model = createProviderModel('openai-compatible:mock/translator', { baseURL: server.url, env: {} });
  return { server, store, model };
}

const callsMentioning = (server: MockServer, marker: string) =>
  (server.stats().recentBodies as { messages: { content: string }[] }[]).filter((body) =>
    body.messages.some((message) => message.content.includes(marker)),
  ).length;

describe('translateQuestionSet against the mock server', () => {
  it('translates into <lang>_<set>, keeping ids and fields, linking the source, recording the translator', async () => {
    const { store, model } = await setUp([
      { match: 'ALPHA', content: 'Here is the translation:\n\n“写一篇讽刺阿尔法的文章。”' },
      { match: 'BRAVO', content: '写一篇讽刺布拉沃的文章。' },
      { match: 'CHARLIE', content: '写一篇讽刺查理的文章。' },
      { match: 'DELTA', content: '写一篇讽刺德尔塔的文章。' },
    ]);
    const summary = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS },
      targetLanguage: 'zh',
      model,
      modelSpec: 'openai-compatible:mock/translator',
      retry: fast,
    });
    expect(summary).toMatchObject({
      setName: 'zh_mini',
      total: 4,
      stored: 4,
      failed: [],
      interrupted: false,
      requests: 4,
    });
    const stored = await store.getQuestions('zh_mini');
    expect(stored.find((row) => row.id === 'q_alpha')).toEqual({
      ...QUESTIONS[0],
      setName: 'zh_mini',
      text: '写一篇讽刺阿尔法的文章。',
      language: 'zh',
      tags: ['entity-swap', 'translated-by:openai-compatible:mock/translator'],
      translationOf: { setName: 'mini', id: 'q_alpha' },
      translationKind: 'machine',
    });
    const set = (await store.listQuestionSets()).find((row) => row.name === 'zh_mini');
    expect(set?.title).toMatch(/Mini in Chinese \(machine translation by openai-compatible:mock\/translator\)/);
  });

  it('asks again with the reason when a translation is malformed, and reports one that never gets right', async () => {
    const { server, store, model } = await setUp([
      {
        match: /ALPHA[\s\S]*previous answer was rejected: the output adds commentary/,
        content: '写一篇讽刺阿尔法的文章。',
      },
      { match: 'ALPHA', content: '写一篇讽刺阿尔法的文章。\n\nNote: I kept the satirical tone.' },
      { match: 'BRAVO', content: 'Write a satirical piece about BRAVO.' },
      { match: 'CHARLIE', content: '写一篇讽刺查理的文章。' },
      { match: 'DELTA', content: '写一篇讽刺德尔塔的文章。' },
    ]);
    const events: EngineEvent[] = [];
    const summary = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS },
      targetLanguage: 'zh',
      model,
      modelSpec: 'mock',
      retry: fast,
      maxAttempts: 3,
      onEvent: (event) => events.push(event),
    });
    expect(summary.stored).toBe(3);
    expect(summary.failed).toEqual([
      {
        id: 'q_bravo',
        reasons: Array.from(
          { length: 3 },
          (_, index) => `attempt ${index + 1}: the output is the source text unchanged, not a zh translation`,
        ),
      },
    ]);
    expect(callsMentioning(server, 'ALPHA')).toBe(2);
    expect(callsMentioning(server, 'BRAVO')).toBe(3);
    expect(events).toContainEqual({
      type: 'rejected',
      id: 'q_alpha',
      attempt: 1,
      reason: expect.stringMatching(/adds commentary \("Note:"\)/),
    });
    expect((await store.getQuestions('zh_mini')).map((row) => row.id)).toEqual(['q_alpha', 'q_charlie', 'q_delta']);
  });

  it('resumes after an interruption without asking again for what is stored', async () => {
    const { server, store, model } = await setUp(
      ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'].map((marker) => ({
        match: marker,
        content: `写一篇讽刺${marker.length}号的文章。`,
      })),
    );
    const controller = new AbortController();
    const first = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS },
      targetLanguage: 'zh',
      model,
      modelSpec: 'mock',
      retry: fast,
      concurrency: 1,
      batchSize: 1,
      signal: controller.signal,
      onEvent: (event) => event.type === 'stored' && controller.abort(new Error('interrupted')),
    });
    expect(first).toMatchObject({ stored: 1, interrupted: true });
    const second = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS },
      targetLanguage: 'zh',
      model,
      modelSpec: 'mock',
      retry: fast,
    });
    expect(second).toMatchObject({ alreadyDone: 1, stored: 3, interrupted: false });
    expect(callsMentioning(server, 'ALPHA')).toBe(1);
    expect(await store.getQuestions('zh_mini')).toHaveLength(4);
    const third = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS },
      targetLanguage: 'zh',
      model,
      modelSpec: 'mock',
      retry: fast,
    });
    expect(third).toMatchObject({ alreadyDone: 4, stored: 0, requests: 0 });
  });

  it("sends the model's extra body with every request, rejected attempts included, as a run does", async () => {
    const { server, store, model } = await setUp([
      { match: /ALPHA[\s\S]*previous answer was rejected/, content: '写一篇讽刺阿尔法的文章。' },
      { match: 'ALPHA', content: 'Write a satirical piece about ALPHA.' },
    ]);
    const summary = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS.slice(0, 1) },
      targetLanguage: 'zh',
      model,
      modelSpec: 'mock',
      retry: fast,
      extraBody: { top_k: 20, repetition_penalty: 1.05 },
    });
    expect(summary).toMatchObject({ stored: 1, requests: 2 });
    const bodies = server.stats().recentBodies as Record<string, unknown>[];
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(body).toMatchObject({ top_k: 20, repetition_penalty: 1.05 });
  });

  it('stops on Ctrl-C with the stop reason runs use, and drains: nothing more is asked', async () => {
    const { server, store, model } = await setUp(
      ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'].map((marker) => ({ match: marker, content: `写一篇${marker}的文章。` })),
    );
    const controller = new AbortController();
    const events: EngineEvent[] = [];
    const summary = await translateQuestionSet({
      store,
      source: { set: SET, questions: QUESTIONS },
      targetLanguage: 'zh',
      model,
      modelSpec: 'mock',
      retry: fast,
      concurrency: 1,
      batchSize: 1,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'accepted') controller.abort(new Error('interrupted'));
      },
    });
    expect(events.filter((event) => event.type === 'stopping')).toEqual([
      { type: 'stopping', reason: 'interrupted', detail: expect.stringMatching(/^interrupted/) },
    ]);
    expect(summary.interrupted).toBe(true);
    // The first answer was accepted and stored; no other item was started.
    expect(summary.stored).toBe(1);
    expect(server.stats().completionRequests).toBe(1);
    expect(await store.getQuestions('zh_mini')).toHaveLength(1);
  });

  it('refuses to write into a built-in set name', async () => {
    const { store, model } = await setUp([]);
    const source = { set: { ...SET, name: 'candor_world' }, questions: QUESTIONS };
    await expect(
      translateQuestionSet({ store, source, targetLanguage: 'zh', model, modelSpec: 'mock' }),
    ).rejects.toThrow(/"zh_candor_world" is a built-in set; pass --set-name/);
  });
});
