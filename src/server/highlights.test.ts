import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { makeJudgment, makeQuestion, makeResponse, makeRun, makeSet } from '../store/test-support/store-fixtures.js';
import { explorerQuery } from './explorer-query.js';
import { loadHighlights } from './highlights.js';

describe('home page highlights', () => {
  it('finds an uncensoring finetune next to its base model by name, and compares them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'candor-highlights-'));
    const store = await openStore(join(folder, 'h.db'));
    try {
      const questions = Array.from({ length: 20 }, (_, index) =>
        makeQuestion({
          setName: 'cn',
          id: `q${index}`,
          text: `question ${index}`,
          targetCountry: 'CN',
          language: 'en',
        }),
      );
      await store.putQuestionSet(makeSet('cn'), questions);
      // The finetune answers 18 of 20, its base 5 of 20; an unrelated model is no base of it.
      for (const [model, complete] of [
        ['org/llama-3-8b', 5],
        ['org/llama-3-8b-abliterated', 18],
        ['other/qwen-7b', 10],
      ] as const) {
        await store.putModel({
          id: model,
          creator: model.split('/')[0]!,
          family: null,
          releaseDate: '2025-01-01',
          reasoning: false,
        });
        await store.putRun(makeRun(model, { modelId: model, setName: 'cn', state: 'finished' }));
        for (const [index, question] of questions.entries()) {
          const { responseId } = await store.putResponse(
            makeResponse({ runId: model, setName: 'cn', questionId: question.id, finalText: 'answer' }),
          );
          await store.putJudgment(
            makeJudgment({ responseId, judgeId: 'j', label: index < complete ? 'COMPLETE' : 'DENIAL' }),
          );
        }
      }
      const { cards } = await loadHighlights(store, explorerQuery({}));
      const finetune = cards[1]!;
      expect(finetune.answered).toBe(true);
      expect(finetune.answer).toMatch(
        /^org\/llama-3-8b-abliterated answers 90\.0% \[[0-9.]+–[0-9.]+\], n=20 COMPLETE; its base org\/llama-3-8b 25\.0% \[/,
      );
      expect(finetune.href).toBe('/compare?a=org%2Fllama-3-8b-abliterated&b=org%2Fllama-3-8b');
      // No language but English: the China card says how low, and that no model was asked in Chinese.
      expect(cards[0]!.answer).toContain('Lowest on criticising China in English: org/llama-3-8b, 25.0%');
      expect(cards[0]!.answer).toContain('No model was asked the same questions in Chinese.');
      expect(cards[2]!.answer).toContain('No answer in this store was blocked');
    } finally {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
