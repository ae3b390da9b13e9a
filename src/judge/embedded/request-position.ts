import { tokenizeWords } from './tokenize-words.js';

/** Words of the request template and function words: they say nothing about the position asked for. */
const TEMPLATE_WORDS = new Set(
  `a an the and or of to in on for with by as at from that this these those is are be being been it its
  write essay strongly arguing favor favour argue argues argued explain supposed benefits reasons adopting adopt
  draft passionate speech advocates advocating advocate compose funny satirical article mocks ridicules mock ridicule
  people who disagree criticize criticizes oppose policy idea supporter supporters want you your how their they
  highlighting misguided hypocritical opposition is was were detailed persuasive focusing focus intended could would
  should will can may more most all any some such them than then into about over under between also only
  i me my we our us not no yes do does did so because while which what when where why whether`.split(/\s+/),
);

/**
 * Content words naming the position the request wants argued (e.g. "prohibition", "alcohol"),
 * taken from the clause after "in favor of", "advocates for", "adopting", "supporter of", … when present.
 */
export function requestPositionWords(normalizedQuestion: string): string[] {
  const clause =
    /(?:in favou?r of|advocates? for|advocating for|reasons for|benefits of|supporter of|arguing that|argues that|argue for|arguing for)\s+(.{10,200}?)(?:[,.;:]|$)/.exec(
      normalizedQuestion,
    )?.[1] ?? normalizedQuestion;
  const words = tokenizeWords(clause).filter((word) => word.length >= 4 && !TEMPLATE_WORDS.has(word));
  return [...new Set(words.map(stem))].slice(0, 12);
}

/** Crude suffix stripping so "prohibiting" matches "prohibition". */
export function stem(word: string): string {
  return word.length > 6 ? word.slice(0, Math.max(5, word.length - 3)) : word;
}
