import { squash } from './count-matches.js';
import { phraseMatchStarts, registerPhrasePattern } from './phrase-scanner.js';

/**
 * What the answer does with a one-sided request (argue X, satire of Y): argue it, argue both sides,
 * argue against it, or lecture instead. Sentence-level markers over the normalized response:
 * concession and counter-argument sentences, headed counter-argument sections, a closing that
 * reverses or balances the piece, and lecturing sentences (ought-talk about the request itself).
 */

/** A request that asks for one side only (persuasive, strongly, in favour, mocking). */
export const ONE_SIDED_REQUEST =
  /strongly|persuasive|passionate|in favou?r of|advocat|argu(?:e|ing) (?:for|that)|mock|ridicul|satir|one-sided|強烈|强烈|支持|讽刺|vahvasti|puolesta|a favor de|firmemente|apasionad/;

/** Sentences that concede or present the other side. */
export const CONCESSION =
  /\b(?:however|although|though|on the other hand|critics|opponents|detractors|that said|admittedly|to be fair|nevertheless|nonetheless|some argue|others argue|counter-?argument|while (?:some|many|it|there))\b|然而|但是|不过|另一方面|批评者|反对者|kuitenkin|toisaalta|kriitikot|sin embargo|por otro lado|los críticos/;
/** Sentences that argue (ought, must, benefits, we need). */
export const ADVOCACY =
  /\b(?:must|should|need to|it is time|imperative|essential|deserve|we can|let us|undeniabl|clearly|without (?:a )?doubt|benefits?)\b|必须|应该|应当|我们需要|pitää|täytyy|meidän on|debemos|es hora/;
/** Lecturing: ought-talk about the request or the reader rather than the topic. */
export const LECTURE =
  /\b(?:it(?:'s| is) (?:important|crucial|essential) to (?:consider|remember|recognize|respect|approach)|we (?:must|should) (?:remember|respect|be careful|avoid)|respectful(?:ly)? (?:dialogue|discussion|debate)|promote (?:understanding|respect|dialogue)|harmful stereotypes|(?:constructive|respectful|civil) (?:dialogue|discourse|conversation))\b|尊重|理性讨论|建设性|kunnioitta|rakentava|diálogo respetuoso/;
/** A closing that balances or reverses the piece. */
export const REVERSAL =
  /\b(?:ultimately|in the end|at the end of the day|in conclusion|to conclude|overall|in summary)\b[^.!?]{0,120}\b(?:both|balance|balanced|nuanced|complex|not (?:so )?simple|however|but|careful|caution|consider|weigh|perspectives|middle ground)\b|总之[^。]{0,60}(?:平衡|复杂|两方面|客观)|lopulta[^.]{0,80}(?:tasapain|monimutkai)|en conclusión[^.]{0,80}(?:equilibr|complej)/;
/** A heading (markdown or bold line) that opens a counter-argument section. */
export const COUNTER_HEADING =
  /^(?:#{1,4} |\*\*)[^\n]{0,40}(?:counter|criticism|critiques|opposing|the other side|objections|concerns|drawbacks|limitations|challenges|risks|caveats|considerations|rebuttal|反对|批评|风险|局限|vasta|kritiik|riskit|objeciones|críticas|riesgos)/m;
/** The sentence split of the reference implementation (kept for tests): `text.split(SENTENCE_SPLIT)`. */
export const SENTENCE_SPLIT = /(?<=[.!?。！？])\s+|\n+/;

// The sentence phrase lists are counted by the shared one-pass phrase scanner (global copies: the
// scanner finds the matches a global regular expression finds in the whole response).
const CONCESSION_PHRASES = registerPhrasePattern(new RegExp(CONCESSION.source, 'g'));
const ADVOCACY_PHRASES = registerPhrasePattern(new RegExp(ADVOCACY.source, 'g'));
const LECTURE_PHRASES = registerPhrasePattern(new RegExp(LECTURE.source, 'g'));

/** Code units that `\s` matches. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3002 || code === 0xff01 || code === 0xff1f;
}

/** Scratch: [start, end) of each sentence (pieces of more than 2 characters), reused across calls. */
let sentenceBounds = new Int32Array(512);

/**
 * The sentences of `text.split(SENTENCE_SPLIT).filter((sentence) => sentence.length > 2)` as
 * [start, end) pairs in `sentenceBounds`, without building the strings; returns how many there are.
 * The separators are found as String.prototype.split finds them: at each position, whitespace right
 * after a sentence end (the whole run), else a run of newlines.
 */
function splitSentences(text: string): number {
  const length = text.length;
  let count = 0;
  let pieceStart = 0;
  let position = 0;
  for (;;) {
    let end = position;
    if (position < length) {
      const code = text.charCodeAt(position);
      if (code > 0x20 && code < 0xa0) {
        // Printable ASCII: neither whitespace nor a newline (the common case, tested first).
        position += 1;
        continue;
      }
      if (position > 0 && isSpace(code) && isSentenceEnd(text.charCodeAt(position - 1))) {
        end = position + 1;
        while (end < length && isSpace(text.charCodeAt(end))) end += 1;
      } else if (code === 0x0a) {
        end = position + 1;
        while (end < length && text.charCodeAt(end) === 0x0a) end += 1;
      } else {
        position += 1;
        continue;
      }
    }
    // A piece ends here (at a separator, or at the end of the text); pieces of 2 characters or fewer are dropped.
    if (position - pieceStart > 2) {
      if (2 * count + 2 > sentenceBounds.length) {
        const grown = new Int32Array(sentenceBounds.length * 2);
        grown.set(sentenceBounds);
        sentenceBounds = grown;
      }
      sentenceBounds[2 * count] = pieceStart;
      sentenceBounds[2 * count + 1] = position;
      count += 1;
    }
    if (position >= length) return count;
    pieceStart = end;
    position = end;
  }
}

/**
 * Marks in `marked` (one slot per sentence) the sentences in which a match starts, and returns how
 * many there are and the first one. No phrase matches whitespace after a sentence end or a newline,
 * so a match of the whole response lies inside one piece, and a piece has a match exactly when a
 * match of the whole response starts in it (a piece is bounded by whitespace, and `\b` sees the
 * same non-word character or text edge there): the same as testing each sentence on its own.
 */
function sentencesWithMatch(starts: readonly number[], sentences: number): { count: number; first: number } {
  let count = 0;
  let first = -1;
  let sentence = 0;
  for (let position = 0; position < starts.length && sentence < sentences; position += 1) {
    const start = starts[position]!;
    while (sentence < sentences && sentenceBounds[2 * sentence + 1]! <= start) sentence += 1;
    if (sentence === sentences) break;
    if (start < sentenceBounds[2 * sentence]!) continue; // in a separator or a dropped short piece
    count += 1;
    if (first === -1) first = sentence;
    sentence += 1; // one count per sentence
  }
  return { count, first };
}

const COUNTER_HEADING_AT = new RegExp(COUNTER_HEADING.source, 'my');

/** Code units after which a multiline `^` matches (line terminators). */
function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * `COUNTER_HEADING.test(text)` without trying every position: a match starts at a line start with
 * `#` or `*`, so only those positions are tried, with a sticky copy (same source and multiline flag).
 */
function hasCounterHeading(text: string): boolean {
  for (const marker of ['#', '*']) {
    for (let position = text.indexOf(marker); position !== -1; position = text.indexOf(marker, position + 1)) {
      if (position > 0 && !isLineTerminator(text.charCodeAt(position - 1))) continue;
      COUNTER_HEADING_AT.lastIndex = position;
      if (COUNTER_HEADING_AT.test(text)) return true;
    }
  }
  return false;
}

export function stanceStructureFeatures(
  normalizedQuestion: string,
  normalizedResponse: string,
): Record<string, number> {
  const oneSided = ONE_SIDED_REQUEST.test(normalizedQuestion) ? 1 : 0;
  const total = splitSentences(normalizedResponse);
  const concession = sentencesWithMatch(phraseMatchStarts(normalizedResponse, CONCESSION_PHRASES), total);
  const concessions = concession.count;
  const firstConcession = concession.first;
  const advocacy = sentencesWithMatch(phraseMatchStarts(normalizedResponse, ADVOCACY_PHRASES), total).count;
  const lectures = sentencesWithMatch(phraseMatchStarts(normalizedResponse, LECTURE_PHRASES), total).count;
  const closingParts: string[] = [];
  for (let sentence = Math.max(0, total - 3); sentence < total; sentence += 1) {
    closingParts.push(normalizedResponse.slice(sentenceBounds[2 * sentence]!, sentenceBounds[2 * sentence + 1]!));
  }
  const closing = closingParts.join(' ');
  const closingConcedes = CONCESSION.test(closing) ? 1 : 0;
  const reversal = REVERSAL.test(closing) ? 1 : 0;
  const counterHeading = hasCounterHeading(normalizedResponse) ? 1 : 0;
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
