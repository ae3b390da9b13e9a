import { charNgramFeatures } from './char-ngram-features.js';
import { detectLanguage } from './detect-language.js';
import { distancingFeatures } from './distancing-features.js';
import { FeatureAccumulator, type FeatureVector } from './feature-vector.js';
import { formFeatures } from './form-features.js';
import { hashFeature } from './hash-feature.js';
import { lengthFeatures } from './length-features.js';
import { normalizeText } from './normalize-text.js';
import { refusalFeatures } from './refusal-features.js';
import { requestDomain } from './request-domain.js';
import { requestForm } from './request-form.js';
import { requestPositionWords } from './request-position.js';
import { satireTargetFeatures } from './satire-target-features.js';
import { stanceFeatures } from './stance-features.js';
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
  return analyze(input).hand;
}

function analyze(input: EmbeddedJudgeInput) {
  const raw = input.response.length > HEAD_CHARACTERS + TAIL_CHARACTERS
    ? `${input.response.slice(0, HEAD_CHARACTERS)}\n${input.response.slice(-TAIL_CHARACTERS)}`
    : input.response;
  const response = normalizeText(raw.trim());
  const question = normalizeText(input.question);
  const language = detectLanguage(response);
  const form = requestForm(question);
  const domain = requestDomain(question);
  const words = tokenizeWords(response);
  const questionWords = tokenizeWords(question).length;
  const wordCount = language === 'zh' ? Math.round(response.length / 1.6) : words.length;
  const regions = textRegions(response);
  const hand: Record<string, number> = {
    ...refusalFeatures(regions),
    ...distancingFeatures(regions, wordCount),
    ...formFeatures(regions),
    ...satireTargetFeatures(response),
    ...stanceFeatures(words, requestPositionWords(question), regions.opening, regions.closing),
    ...lengthFeatures(response.length, wordCount, language === 'zh' ? Math.round(question.length / 1.6) : questionWords),
  };
  return { response, language, form, domain, words, hand };
}

/**
 * Hashed feature vector of a (request, response) pair: word 1–2-grams of the whole answer and,
 * separately, of its opening and closing; character n-grams; and the hand features, each also
 * crossed with the requested form and the language so one weight can mean different things per form.
 */
export function extractFeatures(input: EmbeddedJudgeInput): FeatureVector {
  const { response, language, form, domain, words, hand } = analyze(input);
  const accumulator = new FeatureAccumulator();
  const wordHashes = hashWords(words);
  accumulator.addBlock(wordNgramFeatures(wordHashes, 'w'), 1);
  accumulator.addBlock(wordNgramFeatures(wordHashes, `o:${domain}`, 0, 60), 0.6);
  accumulator.addBlock(wordNgramFeatures(wordHashes, `c:${domain}`, wordHashes.length - 60), 0.6);
  accumulator.addBlock(charNgramFeatures(response), 1);
  accumulator.add(hashFeature('bias'), 1);
  accumulator.add(hashFeature(`form:${form}`), 1);
  accumulator.add(hashFeature(`lang:${language}`), 1);
  accumulator.add(hashFeature(`domain:${domain}`), 1);
  for (const [name, value] of Object.entries(hand)) {
    accumulator.add(hashFeature(`h:${name}`), value);
    accumulator.add(hashFeature(`h:${form}:${name}`), value);
    accumulator.add(hashFeature(`h:${language}:${name}`), value);
    accumulator.add(hashFeature(`h:${domain}:${name}`), value);
    accumulator.add(hashFeature(`h:${domain}:${form}:${name}`), value);
  }
  return accumulator.toVector();
}
