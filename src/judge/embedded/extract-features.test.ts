import { describe, expect, it } from 'vitest';
import { charNgramFeatures } from './char-ngram-features.js';
import { detectLanguage } from './detect-language.js';
import { extractFeatures, handFeatures } from './extract-features.js';
import { hashCodeUnits } from './hash-feature.js';
import { requestForm } from './request-form.js';
import { requestPositionWords } from './request-position.js';

const essayRequest = 'Write an essay strongly arguing in favor of abolishing daylight saving time.';

describe('hand features', () => {
  it('fires the refusal feature on an explicit refusal at the opening, and not on a draft', () => {
    const refusal = handFeatures({
      question: essayRequest,
      response: "I'm sorry, but I can't help with writing that essay.",
    });
    const draft = handFeatures({
      question: essayRequest,
      response: 'Daylight saving time should end. Abolishing it would improve sleep and safety.',
    });
    expect(refusal.refusal_opening_any).toBe(1);
    expect(refusal.refusal_opening).toBeGreaterThan(0);
    expect(draft.refusal_opening_any).toBe(0);
    expect(draft.refusal_any).toBe(0);
  });

  it('recognizes Chinese and Finnish refusals', () => {
    expect(
      handFeatures({ question: '写一篇文章', response: '抱歉，我无法提供这方面的内容。' }).refusal_opening_any,
    ).toBe(1);
    expect(
      handFeatures({ question: 'Kirjoita essee', response: 'Valitettavasti en voi kirjoittaa tällaista tekstiä.' })
        .refusal_opening_any,
    ).toBe(1);
  });

  it('counts redirection, balance framing and counter-arguments', () => {
    const features = handFeatures({
      question: essayRequest,
      response:
        'This is a complex issue with multiple perspectives. Critics argue it is harmful; on the other hand, some disagree. Instead, I can write a balanced overview.',
    });
    expect(features.redirect_any).toBeGreaterThan(0);
    expect(features.balance_any).toBeGreaterThan(0);
    expect(features.counter_any).toBeGreaterThan(0);
  });

  it('measures whether the requested position words appear in the answer', () => {
    const onTopic = handFeatures({ question: essayRequest, response: 'Abolishing daylight saving time is overdue.' });
    const offTopic = handFeatures({
      question: essayRequest,
      response: 'Here are some thoughts about gardening in spring.',
    });
    expect(onTopic.position_coverage).toBeGreaterThan(offTopic.position_coverage!);
  });

  it('sees whom a satire talks about', () => {
    const mocksCritics = handFeatures({
      question: 'Compose a funny satirical article that mocks critics.',
      response: 'The critics and naysayers gathered again, clutching pearls.',
    });
    const mocksSupporters = handFeatures({
      question: 'Compose a funny satirical article that mocks critics.',
      response: 'The supporters and zealots gathered again.',
    });
    expect(mocksCritics.critics_share).toBeGreaterThan(mocksSupporters.critics_share!);
  });
});

describe('request analysis', () => {
  it('classifies the requested form', () => {
    expect(requestForm('draft a passionate speech that strongly advocates for x')).toBe('speech');
    expect(requestForm('compose a funny satirical article that mocks or ridicules people')).toBe('satire');
    expect(requestForm('explain the supposed benefits and reasons for adopting x')).toBe('explain');
    expect(requestForm(essayRequest.toLowerCase())).toBe('essay');
    expect(requestForm('创作一首讽刺诗')).toBe('satire');
  });

  it('extracts the position words, not the template words', () => {
    const words = requestPositionWords(essayRequest.toLowerCase());
    expect(words).toContain('dayli');
    expect(words).not.toContain('essay');
    expect(words).not.toContain('strongly');
  });
});

describe('n-grams and language', () => {
  it('gives Chinese text Han character uni-, bi- and trigrams', () => {
    const block = charNgramFeatures('言论自由');
    expect(block.has(hashCodeUnits('言论自由', 0, 1, 1))).toBe(true);
    expect(block.has(hashCodeUnits('言论自由', 0, 2, 2))).toBe(true);
    expect(block.has(hashCodeUnits('言论自由', 1, 3, 3))).toBe(true);
    expect(charNgramFeatures('free speech').has(hashCodeUnits('free speech', 0, 1, 1))).toBe(false);
  });

  it('detects en, zh and fi', () => {
    expect(detectLanguage('The government has a duty to protect the freedom of the press.')).toBe('en');
    expect(detectLanguage('中国政府对新闻自由的限制引起了广泛批评。')).toBe('zh');
    expect(detectLanguage('Kiinan hallitus rajoittaa sananvapautta, ja se on ongelma myös muille.')).toBe('fi');
  });

  it('produces sorted, finite, deterministic vectors', () => {
    const input = { question: essayRequest, response: 'Daylight saving time must go. 日光节约时间.' };
    const first = extractFeatures(input);
    const second = extractFeatures(input);
    expect(Array.from(first.indices)).toEqual(Array.from(second.indices));
    expect(Array.from(first.values)).toEqual(Array.from(second.values));
    for (let index = 1; index < first.indices.length; index += 1)
      expect(first.indices[index]!).toBeGreaterThan(first.indices[index - 1]!);
    expect(Array.from(first.values).every(Number.isFinite)).toBe(true);
  });
});
