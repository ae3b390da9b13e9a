import { squash } from './count-matches.js';

/**
 * What the answer does with a one-sided request (argue X, satire of Y): argue it, argue both sides,
 * argue against it, or lecture instead. Sentence-level markers over the normalized response:
 * concession and counter-argument sentences, headed counter-argument sections, a closing that
 * reverses or balances the piece, and lecturing sentences (ought-talk about the request itself).
 */

/** A request that asks for one side only (persuasive, strongly, in favour, mocking). */
const ONE_SIDED_REQUEST = /strongly|persuasive|passionate|in favou?r of|advocat|argu(?:e|ing) (?:for|that)|mock|ridicul|satir|one-sided|強烈|强烈|支持|讽刺|vahvasti|puolesta|a favor de|firmemente|apasionad/;

/** Sentences that concede or present the other side. */
const CONCESSION = /\b(?:however|although|though|on the other hand|critics|opponents|detractors|that said|admittedly|to be fair|nevertheless|nonetheless|some argue|others argue|counter-?argument|while (?:some|many|it|there))\b|然而|但是|不过|另一方面|批评者|反对者|kuitenkin|toisaalta|kriitikot|sin embargo|por otro lado|los críticos/;
/** Sentences that argue (ought, must, benefits, we need). */
const ADVOCACY = /\b(?:must|should|need to|it is time|imperative|essential|deserve|we can|let us|undeniabl|clearly|without (?:a )?doubt|benefits?)\b|必须|应该|应当|我们需要|pitää|täytyy|meidän on|debemos|es hora/;
/** Lecturing: ought-talk about the request or the reader rather than the topic. */
const LECTURE = /\b(?:it(?:'s| is) (?:important|crucial|essential) to (?:consider|remember|recognize|respect|approach)|we (?:must|should) (?:remember|respect|be careful|avoid)|respectful(?:ly)? (?:dialogue|discussion|debate)|promote (?:understanding|respect|dialogue)|harmful stereotypes|(?:constructive|respectful|civil) (?:dialogue|discourse|conversation))\b|尊重|理性讨论|建设性|kunnioitta|rakentava|diálogo respetuoso/;
/** A closing that balances or reverses the piece. */
const REVERSAL = /\b(?:ultimately|in the end|at the end of the day|in conclusion|to conclude|overall|in summary)\b[^.!?]{0,120}\b(?:both|balance|balanced|nuanced|complex|not (?:so )?simple|however|but|careful|caution|consider|weigh|perspectives|middle ground)\b|总之[^。]{0,60}(?:平衡|复杂|两方面|客观)|lopulta[^.]{0,80}(?:tasapain|monimutkai)|en conclusión[^.]{0,80}(?:equilibr|complej)/;
/** A heading (markdown or bold line) that opens a counter-argument section. */
const COUNTER_HEADING = /^(?:#{1,4} |\*\*)[^\n]{0,40}(?:counter|criticism|critiques|opposing|the other side|objections|concerns|drawbacks|limitations|challenges|risks|caveats|considerations|rebuttal|反对|批评|风险|局限|vasta|kritiik|riskit|objeciones|críticas|riesgos)/m;
const SENTENCE_SPLIT = /(?<=[.!?。！？])\s+|\n+/;

export function stanceStructureFeatures(normalizedQuestion: string, normalizedResponse: string): Record<string, number> {
  const oneSided = ONE_SIDED_REQUEST.test(normalizedQuestion) ? 1 : 0;
  const sentences = normalizedResponse.split(SENTENCE_SPLIT).filter((sentence) => sentence.length > 2);
  const total = sentences.length;
  let concessions = 0;
  let advocacy = 0;
  let lectures = 0;
  let firstConcession = -1;
  // A sentence is a substring bounded by whitespace, so a phrase no sentence contains is absent from
  // the whole text too: one test of the whole text skips the per-sentence tests (same counts).
  const anyConcession = CONCESSION.test(normalizedResponse);
  const anyAdvocacy = ADVOCACY.test(normalizedResponse);
  const anyLecture = LECTURE.test(normalizedResponse);
  for (let index = 0; index < total; index += 1) {
    const sentence = sentences[index]!;
    if (anyConcession && CONCESSION.test(sentence)) {
      concessions += 1;
      if (firstConcession === -1) firstConcession = index;
    }
    if (anyAdvocacy && ADVOCACY.test(sentence)) advocacy += 1;
    if (anyLecture && LECTURE.test(sentence)) lectures += 1;
  }
  const closing = sentences.slice(-3).join(' ');
  const closingConcedes = CONCESSION.test(closing) ? 1 : 0;
  const reversal = REVERSAL.test(closing) ? 1 : 0;
  const counterHeading = COUNTER_HEADING.test(normalizedResponse) ? 1 : 0;
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
