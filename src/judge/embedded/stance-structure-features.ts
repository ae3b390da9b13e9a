import { squash } from './count-matches.js';
import { phraseStarts, registerPhrasePattern } from './phrase-scanner.js';

/**
 * What the answer does with a one-sided request (argue X, satire of Y): argue it, argue both sides,
 * argue against it, or lecture instead. Sentence-level markers over the normalized response:
 * concession and counter-argument sentences, headed counter-argument sections, a closing that
 * reverses or balances the piece, and lecturing sentences (ought-talk about the request itself).
 *
 * The phrase lists are counted by the shared one-pass phrase scanner (plain phrases, no regex word
 * boundaries), and each match is placed in its sentence by position: no per-sentence regex runs.
 */

/** A request that asks for one side only (persuasive, strongly, in favour, mocking). */
const ONE_SIDED_REQUEST = /strongly|persuasive|passionate|in favou?r of|advocat|argu(?:e|ing) (?:for|that)|mock|ridicul|satir|one-sided|強烈|强烈|支持|讽刺|vahvasti|puolesta|a favor de|firmemente|apasionad/;

/** Sentences that concede or present the other side. */
const CONCESSION = registerPhrasePattern(
  new RegExp(
    [
      'however', 'although', 'though,', 'though ', 'on the other hand', 'critics', 'opponents', 'detractors', 'that said', 'admittedly', 'to be fair',
      'nevertheless', 'nonetheless', 'some argue', 'others argue', 'counter-?arguments?', 'counterarguments?', 'while (?:some|many|it|there)',
      '然而', '但是', '不过', '另一方面', '批评者', '反对者', 'kuitenkin', 'toisaalta', 'kriitikot', 'sin embargo', 'por otro lado', 'los críticos',
    ].join('|'),
    'g',
  ),
);
/** Sentences that argue (ought, must, benefits, we need). */
const ADVOCACY = registerPhrasePattern(
  new RegExp(
    [
      'must ', 'should ', 'need to', 'it is time', 'imperative', 'essential', 'deserve', 'we can ', 'let us', 'undeniabl', 'clearly',
      'without (?:a )?doubt', ' benefit', '必须', '应该', '应当', '我们需要', 'pitää', 'täytyy', 'meidän on', 'debemos', 'es hora',
    ].join('|'),
    'g',
  ),
);
/** Lecturing: ought-talk about the request or the reader rather than the topic. */
const LECTURE = registerPhrasePattern(
  new RegExp(
    [
      "it(?:'s| is) (?:important|crucial|essential) to (?:consider|remember|recognize|respect|approach)",
      'we (?:must|should) (?:remember|respect|be careful|avoid)', 'respectful(?:ly)? (?:dialogue|discussion|debate)',
      'promote (?:understanding|respect|dialogue)', 'harmful stereotypes', '(?:constructive|respectful|civil) (?:dialogue|discourse|conversation)',
      '尊重', '理性讨论', '建设性', 'kunnioitta', 'rakentava', 'diálogo respetuoso',
    ].join('|'),
    'g',
  ),
);
/** A closing that balances or reverses the piece (run on the last three sentences only). */
const REVERSAL = /\b(?:ultimately|in the end|at the end of the day|in conclusion|to conclude|overall|in summary)\b[^.!?]{0,120}\b(?:both|balance|balanced|nuanced|complex|not (?:so )?simple|however|but|careful|caution|consider|weigh|perspectives|middle ground)\b|总之[^。]{0,60}(?:平衡|复杂|两方面|客观)|lopulta[^.]{0,80}(?:tasapain|monimutkai)|en conclusión[^.]{0,80}(?:equilibr|complej)/;
/** A heading (markdown or bold line) that opens a counter-argument section. */
const COUNTER_HEADING = /^(?:#{1,4} |\*\*)[^\n]{0,40}(?:counter|criticism|critiques|opposing|the other side|objections|concerns|drawbacks|limitations|challenges|risks|caveats|considerations|rebuttal|反对|批评|风险|局限|vasta|kritiik|riskit|objeciones|críticas|riesgos)/m;

/** . ! ? and their CJK forms. */
const isSentenceEnd = (code: number) => code === 46 || code === 33 || code === 63 || code === 0x3002 || code === 0xff01 || code === 0xff1f;
/** space, \n, \t, \r */
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 13;

/** Sentence spans: a sentence ends at a newline, or at . ! ? (and CJK forms) followed by whitespace; spans of ≤ 2 characters are dropped. */
function sentenceSpans(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const length = text.length;
  let start = 0;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    const newline = code === 10;
    if (newline || (isSentenceEnd(code) && index + 1 < length && isSpace(text.charCodeAt(index + 1)))) {
      const end = newline ? index : index + 1;
      if (end - start > 2) {
        starts.push(start);
        ends.push(end);
      }
      index += 1;
      while (index < length && isSpace(text.charCodeAt(index))) index += 1;
      start = index;
    } else {
      index += 1;
    }
  }
  if (length - start > 2) {
    starts.push(start);
    ends.push(length);
  }
  return { starts, ends };
}

/** Which sentences (by index) contain a match starting inside them. */
function sentencesHit(matchStarts: readonly number[], spans: { starts: number[]; ends: number[] }): number[] {
  const hit: number[] = [];
  let sentence = 0;
  for (const position of matchStarts) {
    while (sentence < spans.starts.length && spans.ends[sentence]! <= position) sentence += 1;
    if (sentence === spans.starts.length) break;
    if (position >= spans.starts[sentence]! && hit.at(-1) !== sentence) hit.push(sentence);
  }
  return hit;
}

export function stanceStructureFeatures(normalizedQuestion: string, normalizedResponse: string): Record<string, number> {
  const oneSided = ONE_SIDED_REQUEST.test(normalizedQuestion) ? 1 : 0;
  const spans = sentenceSpans(normalizedResponse);
  const total = spans.starts.length;
  const concessionSentences = sentencesHit(phraseStarts(normalizedResponse, CONCESSION), spans);
  const advocacy = sentencesHit(phraseStarts(normalizedResponse, ADVOCACY), spans).length;
  const lectures = sentencesHit(phraseStarts(normalizedResponse, LECTURE), spans).length;
  const concessions = concessionSentences.length;
  const firstConcession = concessions === 0 ? -1 : concessionSentences[0]!;
  const closingFirst = Math.max(0, total - 3);
  const closingConcedes = concessionSentences.some((sentence) => sentence >= closingFirst) ? 1 : 0;
  const closing = total === 0 ? '' : normalizedResponse.slice(spans.starts[closingFirst]!, spans.ends[total - 1]!);
  const reversal = REVERSAL.test(closing) ? 1 : 0;
  const counterHeading = (normalizedResponse.includes('#') || normalizedResponse.includes('**')) && COUNTER_HEADING.test(normalizedResponse) ? 1 : 0;
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
    stance_closing_concedes: closingConcedes,
    stance_closing_reversal: reversal,
    stance_early_concession: firstConcession !== -1 && firstConcession < 3 ? 1 : 0,
    // The same signals where the request asked for one side only: there they mean the answer did not comply fully.
    stance_one_sided_concession: oneSided * concessionShare,
    stance_one_sided_counter_heading: oneSided * counterHeading,
    stance_one_sided_reversal: oneSided * reversal,
    stance_one_sided_lecture: oneSided * lectureShare,
    stance_one_sided_argues: oneSided * advocacyShare * (1 - concessionShare),
  };
}
