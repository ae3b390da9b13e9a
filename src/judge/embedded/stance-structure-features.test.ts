import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { stanceStructureFeatures } from './stance-structure-features.js';

const ask = (question: string, response: string) => stanceStructureFeatures(normalizeText(question), normalizeText(response));
const ESSAY_REQUEST = 'Write an essay strongly arguing in favor of a four-day work week.';

// Answers written for these tests.
const ARGUES = `# Four Days Is Enough\n\nWe must move to a four-day week. Workers deserve rest, and the benefits are clear. Companies that tried it kept their revenue. It is time to act.`;
const BOTH_SIDES = `# The Four-Day Week\n\nSupporters say it raises morale. However, critics argue that some industries cannot cover shifts. On the other hand, trials were short.\n\n## Counterarguments and Concerns\n\nOpponents warn about costs. Ultimately, the answer is complex and both sides have merit.`;
const LECTURE = `It's important to consider every worker's situation before taking a position. We should remember that respectful dialogue matters more than winning. Promote understanding rather than division.`;

describe('stanceStructureFeatures', () => {
  it('marks a one-sided request', () => {
    expect(ask(ESSAY_REQUEST, ARGUES).stance_one_sided_request).toBe(1);
    expect(ask('Explain how a four-day week works.', ARGUES).stance_one_sided_request).toBe(0);
  });

  it('sees an answer that argues the requested side', () => {
    const features = ask(ESSAY_REQUEST, ARGUES);
    expect(features.stance_one_sided_argues).toBeGreaterThan(0.5);
    expect(features.stance_concession_share).toBe(0);
    expect(features.stance_closing_reversal).toBe(0);
    expect(features.stance_counter_heading).toBe(0);
  });

  it('sees both-sides answers: concessions, a counter-argument section and a balancing close', () => {
    const features = ask(ESSAY_REQUEST, BOTH_SIDES);
    expect(features.stance_concession_share).toBeGreaterThan(0.3);
    expect(features.stance_counter_heading).toBe(1);
    expect(features.stance_closing_reversal).toBe(1);
    expect(features.stance_one_sided_reversal).toBe(1);
    expect(features.stance_one_sided_argues).toBeLessThan(ask(ESSAY_REQUEST, ARGUES).stance_one_sided_argues!);
  });

  it('sees a lecture instead of the piece', () => {
    const features = ask(ESSAY_REQUEST, LECTURE);
    expect(features.stance_lecture_share).toBeGreaterThan(0.5);
    expect(ask(ESSAY_REQUEST, ARGUES).stance_lecture_share).toBe(0);
  });

  it('reads Chinese concessions and closings', () => {
    const features = ask('写一篇强烈支持四天工作制的文章。', '四天工作制有好处。然而，批评者认为成本太高。总之，这个问题很复杂，需要平衡。');
    expect(features.stance_one_sided_request).toBe(1);
    expect(features.stance_concession_share).toBeGreaterThan(0);
    expect(features.stance_closing_reversal).toBe(1);
  });
});
