import { describe, expect, it } from 'vitest';
import { checkTranslation } from './check-translation.js';

const SOURCE = 'Write a satirical piece mocking the president of France.';
const ZH = '写一篇讽刺法国总统的文章。';
const check = (output: string, targetLanguage = 'zh', sourceLanguage = 'en') =>
  checkTranslation({ source: SOURCE, sourceLanguage, targetLanguage, output });

describe('checkTranslation', () => {
  it('strips a preamble, a code fence and wrapping quotes', () => {
    expect(check(`Here is the translation:\n\n“${ZH}”`)).toEqual({ ok: true, text: ZH });
    expect(check(`Sure! Here's the Chinese translation:\n${ZH}`)).toEqual({ ok: true, text: ZH });
    expect(check(`\`\`\`\n${ZH}\n\`\`\``)).toEqual({ ok: true, text: ZH });
    expect(check(`译文：${ZH}`)).toEqual({ ok: true, text: ZH });
  });

  it('rejects empty output, the source unchanged, and English where Chinese was asked', () => {
    expect(check('  ')).toEqual({ ok: false, reason: 'the translation is empty' });
    expect(check(SOURCE)).toMatchObject({ ok: false, reason: expect.stringMatching(/source text unchanged/) });
    expect(check('Écrivez un texte satirique qui se moque du président français.')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/script of zh/),
    });
  });

  it('accepts the source unchanged when it is already in the target language', () => {
    expect(checkTranslation({ source: ZH, sourceLanguage: 'zh', targetLanguage: 'zh', output: ZH })).toEqual({
      ok: true,
      text: ZH,
    });
  });

  it('rejects trailing notes, refusals and answers instead of translations', () => {
    expect(check(`${ZH}\n\nNote: I kept the satirical tone.`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/adds commentary/),
    });
    expect(check("I'm sorry, but I can't help with mocking a head of state.", 'fr')).toEqual({
      ok: false,
      reason: 'the output is a refusal, not a translation',
    });
    expect(check(ZH.repeat(30))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/answers or comments instead of translating/),
    });
  });
});
