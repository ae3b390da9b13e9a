import { charNgramFeatures } from './char-ngram-features.js';
import { detectLanguage, type TextLanguage } from './detect-language.js';
import { distancingFeatures } from './distancing-features.js';
import { FeatureAccumulator, type FeatureVector } from './feature-vector.js';
import { formFeatures } from './form-features.js';
import { hashFeature } from './hash-feature.js';
import { lengthFeatures } from './length-features.js';
import { normalizeText } from './normalize-text.js';
import { refusalFeatures } from './refusal-features.js';
import { familyCounts, refusalRuleFeatures, ruleVerdict, type RuleVerdict } from './refusal-rules.js';
import { requestDomain, type RequestDomain } from './request-domain.js';
import { requestForm, type RequestForm } from './request-form.js';
import { requestPositionWords } from './request-position.js';
import { satireTargetFeatures } from './satire-target-features.js';
import { stanceFeatures } from './stance-features.js';
import { stanceStructureFeatures } from './stance-structure-features.js';
import { textRegions } from './text-regions.js';
import { tokenizeWords } from './tokenize-words.js';
import { hashWords, wordNgramFeatures } from './word-ngram-features.js';

/** What the embedded judge reads: the request and the final answer text (reasoning already removed). */
export interface EmbeddedJudgeInput {
  question: string;
  response: string;
}

/** Longest response prefix read; long answers are judged on their first 8k and last 2k characters. */
const HEAD_CHARACTERS = 8_000;
const TAIL_CHARACTERS = 2_000;

/** Named hand features before hashing, for tests and inspection. */
export function handFeatures(input: EmbeddedJudgeInput): Record<string, number> {
  return Object.assign({}, ...analyze(input).handParts) as Record<string, number>;
}

/** Everything derived from the request alone; many responses share a request, so it is cached. */
interface QuestionAnalysis {
  normalized: string;
  normalizedLength: number;
  form: RequestForm;
  domain: RequestDomain;
  positionWords: string[];
  wordCount: number;
}

const QUESTION_CACHE_SIZE = 512;
const questionCache = new Map<string, QuestionAnalysis>();

function analyzeQuestion(rawQuestion: string): QuestionAnalysis {
  let analysis = questionCache.get(rawQuestion);
  if (analysis !== undefined) return analysis;
  const question = normalizeText(rawQuestion);
  analysis = {
    normalized: question,
    normalizedLength: question.length,
    form: requestForm(question),
    domain: requestDomain(question),
    positionWords: requestPositionWords(question),
    wordCount: tokenizeWords(question).length,
  };
  if (questionCache.size >= QUESTION_CACHE_SIZE) questionCache.clear();
  questionCache.set(rawQuestion, analysis);
  return analysis;
}

function analyze(input: EmbeddedJudgeInput) {
  const raw =
    input.response.length > HEAD_CHARACTERS + TAIL_CHARACTERS
      ? `${input.response.slice(0, HEAD_CHARACTERS)}\n${input.response.slice(-TAIL_CHARACTERS)}`
      : input.response;
  const response = normalizeText(raw.trim());
  const {
    normalized: question,
    normalizedLength: questionLength,
    form,
    domain,
    positionWords,
    wordCount: questionWords,
  } = analyzeQuestion(input.question);
  const language = detectLanguage(response, true);
  const words = tokenizeWords(response);
  const wordCount = language === 'zh' ? Math.round(response.length / 1.6) : words.length;
  const regions = textRegions(response);
  const families = familyCounts(regions);
  // The hand features in order, as separate records (their names are distinct, so iterating them in
  // turn is iterating their merge, without building one large object per response).
  const handParts: Record<string, number>[] = [
    refusalFeatures(regions),
    refusalRuleFeatures(regions, wordCount, families),
    distancingFeatures(regions, wordCount),
    formFeatures(regions),
    satireTargetFeatures(response),
    stanceFeatures(words, positionWords, regions.opening, regions.closing),
    stanceStructureFeatures(question, response),
    lengthFeatures(response.length, wordCount, language === 'zh' ? Math.round(questionLength / 1.6) : questionWords),
  ];
  return { response, language, form, domain, words, handParts, rule: ruleVerdict(families, wordCount) };
}

/** Bucket indices of `h:${name}` and its crosses with the form, language and domain, computed once per combination. */
const handHashCache = new Map<string, Map<string, Int32Array>>();

function handHashes(form: RequestForm, language: TextLanguage, domain: RequestDomain): Map<string, Int32Array> {
  const key = `${form}|${language}|${domain}`;
  let table = handHashCache.get(key);
  if (table === undefined) {
    table = new Map();
    handHashCache.set(key, table);
  }
  return table;
}

function handNameHashes(
  table: Map<string, Int32Array>,
  name: string,
  form: RequestForm,
  language: TextLanguage,
  domain: RequestDomain,
): Int32Array {
  let hashes = table.get(name);
  if (hashes === undefined) {
    hashes = Int32Array.of(
      hashFeature(`h:${name}`),
      hashFeature(`h:${form}:${name}`),
      hashFeature(`h:${language}:${name}`),
      hashFeature(`h:${domain}:${name}`),
      hashFeature(`h:${domain}:${form}:${name}`),
    );
    table.set(name, hashes);
  }
  return hashes;
}

const contextHashCache = new Map<string, Int32Array>();

/** Buckets of the bias and of the form, language and domain indicators. */
function contextHashes(form: RequestForm, language: TextLanguage, domain: RequestDomain): Int32Array {
  const key = `${form}|${language}|${domain}`;
  let hashes = contextHashCache.get(key);
  if (hashes === undefined) {
    hashes = Int32Array.of(
      hashFeature('bias'),
      hashFeature(`form:${form}`),
      hashFeature(`lang:${language}`),
      hashFeature(`domain:${domain}`),
    );
    contextHashCache.set(key, hashes);
  }
  return hashes;
}

/** Fills the shared accumulator; the result is read before the next extraction starts. */
function accumulateFeatures(input: EmbeddedJudgeInput): {
  accumulator: FeatureAccumulator;
  rule: RuleVerdict | undefined;
} {
  const { response, language, form, domain, words, handParts, rule } = analyze(input);
  const accumulator = new FeatureAccumulator();
  const wordHashes = hashWords(words);
  accumulator.addBlock(wordNgramFeatures(wordHashes, 'w'), 1);
  accumulator.addBlock(wordNgramFeatures(wordHashes, `o:${domain}`, 0, 60), 0.6);
  accumulator.addBlock(wordNgramFeatures(wordHashes, `c:${domain}`, wordHashes.length - 60), 0.6);
  accumulator.addBlock(charNgramFeatures(response), 1);
  const context = contextHashes(form, language, domain);
  for (let position = 0; position < context.length; position += 1) accumulator.add(context[position]!, 1);
  const table = handHashes(form, language, domain);
  for (const part of handParts) {
    for (const name in part) {
      const value = part[name]!;
      const hashes = handNameHashes(table, name, form, language, domain);
      for (let position = 0; position < hashes.length; position += 1) accumulator.add(hashes[position]!, value);
    }
  }
  return { accumulator, rule };
}

/**
 * Hashed feature vector of a (request, response) pair: word 1–2-grams of the whole answer and,
 * separately, of its opening and closing; character n-grams; and the hand features, each also
 * crossed with the requested form and the language so one weight can mean different things per form.
 */
export function extractFeatures(input: EmbeddedJudgeInput): FeatureVector {
  return accumulateFeatures(input).accumulator.toVector();
}

/**
 * The same features as `extractFeatures`, without copying them out: sorted bucket indices (a view
 * into a scratch buffer) and the accumulated values by bucket (round each with Math.fround, as the
 * Float32Array of `extractFeatures` does). Valid only until the next extraction.
 */
export function extractFeaturesInPlace(input: EmbeddedJudgeInput): {
  indices: Int32Array;
  valuesByIndex: Float64Array;
  rule: RuleVerdict | undefined;
} {
  const { accumulator, rule } = accumulateFeatures(input);
  return { ...accumulator.sortedView(), rule };
}

/** The rule layer's verdict on an input (DENIAL where a refusal is unambiguous), without the learned model. */
export function extractRuleVerdict(input: EmbeddedJudgeInput): RuleVerdict | undefined {
  return analyze(input).rule;
}
