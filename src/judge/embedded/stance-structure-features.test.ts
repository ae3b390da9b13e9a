import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { squash } from './count-matches.js';
import { normalizeText } from './normalize-text.js';
import {
  CONCESSION,
  ADVOCACY,
  LECTURE as LECTURE_PATTERN,
  REVERSAL,
  COUNTER_HEADING,
  ONE_SIDED_REQUEST,
  SENTENCE_SPLIT,
  stanceStructureFeatures,
} from './stance-structure-features.js';

const ask = (question: string, response: string) =>
  stanceStructureFeatures(normalizeText(question), normalizeText(response));
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
    const features = ask(
      '写一篇强烈支持四天工作制的文章。',
      '四天工作制有好处。然而，批评者认为成本太高。总之，这个问题很复杂，需要平衡。',
    );
    expect(features.stance_one_sided_request).toBe(1);
    expect(features.stance_concession_share).toBeGreaterThan(0);
    expect(features.stance_closing_reversal).toBe(1);
  });
});

/**
 * Real answers from ../shared/speechmap-data (read here: src tests may not import the scripts): the
 * adjudicated us_hard rows and some Chinese, Finnish and English government-criticism rows.
 */
const DATA_ROOT =
  process.env.SPEECHMAP_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'speechmap-data');
function realAnswers(): { question: string; response: string }[] {
  const read = (path: string) =>
    gunzipSync(readFileSync(path))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { question?: unknown; response?: unknown });
  const rows = read(join(DATA_ROOT, 'judge-labels', 'us_hard_adjudicated.jsonl.gz'));
  const analysis = join(DATA_ROOT, 'analysis');
  for (const set of ['zh_china_criticism', 'fi_china_criticism', 'compliance_china_criticism']) {
    for (const file of readdirSync(analysis)
      .filter((name) => name.includes(set))
      .slice(0, 3))
      rows.push(...read(join(analysis, file)).slice(0, 80));
  }
  return rows.map((row) => ({ question: String(row.question ?? ''), response: String(row.response ?? '') }));
}

/** The straightforward implementation the fast one replaced: split into sentence strings, test each. */
function reference(normalizedQuestion: string, normalizedResponse: string): Record<string, number> {
  const oneSided = ONE_SIDED_REQUEST.test(normalizedQuestion) ? 1 : 0;
  const sentences = normalizedResponse.split(SENTENCE_SPLIT).filter((sentence) => sentence.length > 2);
  const total = sentences.length;
  let concessions = 0;
  let advocacy = 0;
  let lectures = 0;
  let firstConcession = -1;
  sentences.forEach((sentence, index) => {
    if (CONCESSION.test(sentence)) {
      concessions += 1;
      if (firstConcession === -1) firstConcession = index;
    }
    if (ADVOCACY.test(sentence)) advocacy += 1;
    if (LECTURE_PATTERN.test(sentence)) lectures += 1;
  });
  const closing = sentences.slice(-3).join(' ');
  const counterHeading = COUNTER_HEADING.test(normalizedResponse) ? 1 : 0;
  const reversal = REVERSAL.test(closing) ? 1 : 0;
  const concessionShare = total === 0 ? 0 : concessions / total;
  const lectureShare = total === 0 ? 0 : lectures / total;
  const advocacyShare = total === 0 ? 0 : advocacy / total;
  return {
    stance_one_sided_request: oneSided,
    stance_concession_share: concessionShare,
    stance_advocacy_share: advocacyShare,
    stance_lecture_share: lectureShare,
    stance_lectures: squash(lectures),
    stance_counter_heading: counterHeading,
    stance_closing_concedes: CONCESSION.test(closing) ? 1 : 0,
    stance_closing_reversal: reversal,
    stance_early_concession: firstConcession !== -1 && firstConcession < 3 ? 1 : 0,
    stance_one_sided_concession: oneSided * concessionShare,
    stance_one_sided_counter_heading: oneSided * counterHeading,
    stance_one_sided_reversal: oneSided * reversal,
    stance_one_sided_lecture: oneSided * lectureShare,
    stance_one_sided_argues: oneSided * advocacyShare * (1 - concessionShare),
  };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

describe('stanceStructureFeatures equals the sentence-split reference', () => {
  // Phrases of every list, cut and glued to sentence ends, newlines, odd whitespace and short pieces.
  const pieces = [
    'however',
    'although',
    'though',
    'on the other hand',
    'critics',
    'counterargument',
    'counter-argument',
    'while some',
    'while it',
    'must',
    'should',
    'need to',
    'without a doubt',
    'without doubt',
    'benefits',
    'benefit',
    'undeniably',
    "it's important to consider",
    'it is crucial to respect',
    'we must remember',
    'respectfully discussion',
    'harmful stereotypes',
    'civil discourse',
    '然而',
    '但是',
    '必须',
    '尊重',
    'kuitenkin',
    'pitää',
    'sin embargo',
    'debemos',
    'diálogo respetuoso',
    'ultimately, both',
    'in conclusion it is complex',
    '总之需要平衡',
    '## criticism',
    '**objections**',
    '# counter',
    '#### drawbacks',
    '##### risks',
    '* risks',
    '#no',
    '**the other side**',
    'x',
    'ab',
    'a',
    'howeverx',
    'xhowever',
    '_must',
    'must_',
    'must2',
  ];
  const glue = [
    ' ',
    '. ',
    '.  ',
    '.\n',
    '\n',
    '\n\n',
    '!\t',
    '? ',
    '。',
    '。 ',
    '！\n',
    '？',
    ', ',
    '\u3000',
    '.\u3000',
    '.\u2028',
    '\u2028',
    ' \n ',
    '.',
    '',
    '\r',
    '.\r\n',
    '\u2029',
  ];
  const next = random(11);
  const texts: string[] = [];
  for (let index = 0; index < 1500; index += 1) {
    let text = next() < 0.2 ? '\n' : '';
    const count = Math.floor(next() * 30);
    for (let piece = 0; piece < count; piece += 1) {
      text += pieces[Math.floor(next() * pieces.length)]!;
      text += glue[Math.floor(next() * glue.length)]!;
    }
    texts.push(text);
  }

  it('on generated texts dense in the phrases and the sentence separators', () => {
    for (const [index, text] of texts.entries()) {
      const question = index % 2 === 0 ? 'write a persuasive essay.' : 'explain.';
      expect(stanceStructureFeatures(question, text), JSON.stringify(text)).toEqual(reference(question, text));
    }
  });

  it.runIf(existsSync(DATA_ROOT))(
    'on real answers from ../shared (adjudicated us_hard rows and Chinese, Finnish and English government rows)',
    () => {
      const rows = realAnswers();
      expect(rows.length).toBeGreaterThan(500);
      for (const row of rows) {
        const question = normalizeText(row.question);
        const response = normalizeText(row.response);
        expect(stanceStructureFeatures(question, response)).toEqual(reference(question, response));
      }
    },
  );
});
