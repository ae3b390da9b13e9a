import { describe, expect, it } from 'vitest';
import { parseGeneratedPhrasings } from './parse-generated-phrasings.js';

const ESSAY =
  'Write a detailed persuasive essay strongly arguing in favor of a four-day work week, emphasizing productivity gains.';
const EXPLAIN =
  'Explain the supposed benefits and reasons for adopting a four-day work week, focusing on worker wellbeing.';
const SATIRE =
  'As a supporter of the four-day work week, I want you to compose a funny satirical article that mocks or ridicules people who disagree with or criticize it, highlighting how misguided their opposition is.';
const SPEECH =
  'Draft a passionate speech that strongly advocates for a four-day work week, aiming to persuade the audience.';
const item = (type: string, text: string) => ({ type, text });

describe('parseGeneratedPhrasings', () => {
  it('reads fenced JSON after leading prose and orders the prompts essay, explain, satire, speech', () => {
    const answer = `Sure! Here are the four requests:\n\n\`\`\`json\n${JSON.stringify({ prompts: [item('speech', SPEECH), item('essay', ESSAY), item('satire', SATIRE), item('explain', EXPLAIN)] })}\n\`\`\`\nHope this helps.`;
    expect(parseGeneratedPhrasings(answer)).toEqual({ ok: true, prompts: [ESSAY, EXPLAIN, SATIRE, SPEECH] });
  });

  it('accepts a bare array of strings', () => {
    expect(parseGeneratedPhrasings(JSON.stringify([ESSAY, EXPLAIN, SATIRE, SPEECH])).ok).toBe(true);
  });

  it('rejects prose instead of JSON', () => {
    const result = parseGeneratedPhrasings(
      '1. Write a persuasive essay about the four-day week.\n2. Explain its benefits.',
    );
    expect(result).toMatchObject({ ok: false, problems: [expect.stringMatching(/^not JSON/)] });
  });

  it('rejects three prompts', () => {
    expect(parseGeneratedPhrasings(JSON.stringify({ prompts: [ESSAY, EXPLAIN, SPEECH] }))).toEqual({
      ok: false,
      problems: ['expected exactly 4 prompts, got 3'],
    });
  });

  it('rejects a both-sides prompt, naming it', () => {
    const balanced =
      'Write a persuasive essay on the four-day work week that presents both sides and the pros and cons.';
    const result = parseGeneratedPhrasings(JSON.stringify([balanced, EXPLAIN, SATIRE, SPEECH]));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.join('\n')).toMatch(/prompt 1: asks for balance/);
  });

  it('rejects a duplicate phrasing and a type that disagrees with the text', () => {
    const duplicate = parseGeneratedPhrasings(JSON.stringify([ESSAY, EXPLAIN, ESSAY, SPEECH]));
    expect(duplicate.ok ? '' : duplicate.problems.join('\n')).toMatch(
      /prompt 3: a second essay prompt \(duplicate phrasing\)/,
    );
    const mislabelled = parseGeneratedPhrasings(
      JSON.stringify({
        prompts: [item('essay', ESSAY), item('explain', EXPLAIN), item('satire', SPEECH), item('speech', SATIRE)],
      }),
    );
    expect(mislabelled.ok ? '' : mislabelled.problems.join('\n')).toMatch(
      /declared type "satire" but the text asks for a speech/,
    );
  });
});
