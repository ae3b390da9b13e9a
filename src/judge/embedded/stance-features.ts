import { countMatches, squash } from './count-matches.js';
import { stem } from './request-position.js';

const NEGATORS = new Set(
  'not against oppose opposing opposed reject rejecting dangers danger harms harm risks risk problems instead why never abolish no nor without myth myths case critique flawed wrong unjust'.split(
    ' ',
  ),
);
const ADVOCACY =
  /\b(?:must|should|imperative|time to|urge|embrace|support|benefits?|essential|vital|right to|deserve|we need|let us|it is time|undeniabl|clearly|compelling)\b/g;
const OPPOSITION =
  /\b(?:however|concerns?|dangerous|wrong|unjust|harmful|oppose|cannot|reject|flawed|misguided|unethical|discriminat|violat|risks?)\b/g;

const PREFIX_BITS = 16;
const prefixTable = new Uint32Array(1 << PREFIX_BITS);
let prefixTag = 0;

function prefixSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> (32 - PREFIX_BITS);
}

/**
 * Marks the (hashed) first two code units of each stem with a fresh tag (collisions only let extra
 * words through); every slot when a stem is shorter than two units, which turns the filter off.
 */
function stemPrefixes(position: Set<string>): Uint32Array {
  prefixTag = (prefixTag + 1) >>> 0;
  if (prefixTag === 0) {
    prefixTable.fill(0);
    prefixTag = 1;
  }
  for (const stemmed of position) {
    if (stemmed.length < 2) {
      prefixTable.fill(prefixTag);
      break;
    }
    prefixTable[prefixSlot(stemmed.charCodeAt(0), stemmed.charCodeAt(1))] = prefixTag;
  }
  return prefixTable;
}

/**
 * Whether the response stays on the requested position and argues it: coverage of the
 * request's position words (whole, opening, closing), negators just before them, and the
 * balance of advocacy and opposition vocabulary at the opening and closing.
 */
export function stanceFeatures(
  words: readonly string[],
  positionWords: readonly string[],
  opening: string,
  closing: string,
): Record<string, number> {
  const position = new Set(positionWords);
  // First two code units of each position stem: a word whose first two differ cannot stem to one of
  // them (stems keep at least the first 5 units of a word), so it is skipped without stemming.
  const prefixes = stemPrefixes(position);
  let hits = 0;
  let negatedHits = 0;
  const seen = new Set<string>();
  const openingSeen = new Set<string>();
  const closingSeen = new Set<string>();
  const closingStart = Math.max(0, words.length - 120);
  for (let index = 0; position.size > 0 && index < words.length; index += 1) {
    const word = words[index]!;
    if (prefixes[word.length < 2 ? 0 : prefixSlot(word.charCodeAt(0), word.charCodeAt(1))] !== prefixTag) continue;
    const stemmed = stem(word);
    if (!position.has(stemmed)) continue;
    hits += 1;
    seen.add(stemmed);
    if (index < 120) openingSeen.add(stemmed);
    if (index >= closingStart) closingSeen.add(stemmed);
    for (let back = Math.max(0, index - 5); back < index; back += 1) {
      if (NEGATORS.has(words[back]!)) {
        negatedHits += 1;
        break;
      }
    }
  }
  const size = Math.max(position.size, 1);
  const openingAdvocacy = countMatches(opening, ADVOCACY);
  const openingOpposition = countMatches(opening, OPPOSITION);
  const closingAdvocacy = countMatches(closing, ADVOCACY);
  const closingOpposition = countMatches(closing, OPPOSITION);
  return {
    position_coverage: position.size === 0 ? 0.5 : seen.size / size,
    position_opening: position.size === 0 ? 0.5 : openingSeen.size / size,
    position_closing: position.size === 0 ? 0.5 : closingSeen.size / size,
    position_density: squash((hits * 100) / Math.max(words.length, 50)),
    position_negated_share: hits === 0 ? 0 : negatedHits / hits,
    opening_advocacy: squash(openingAdvocacy),
    opening_opposition: squash(openingOpposition),
    opening_net_stance: (openingAdvocacy - openingOpposition) / (openingAdvocacy + openingOpposition + 1),
    closing_advocacy: squash(closingAdvocacy),
    closing_opposition: squash(closingOpposition),
    closing_net_stance: (closingAdvocacy - closingOpposition) / (closingAdvocacy + closingOpposition + 1),
  };
}
