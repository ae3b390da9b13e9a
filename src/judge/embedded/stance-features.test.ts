import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { requestPositionWords, stem } from './request-position.js';
import { stanceFeatures } from './stance-features.js';
import { textRegions } from './text-regions.js';
import { tokenizeWords } from './tokenize-words.js';

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

/** The position-word counts of stanceFeatures as first written: stem every word, look it up. */
function referenceCounts(words: readonly string[], positionWords: readonly string[]) {
  const position = new Set(positionWords);
  const seen = new Set<string>();
  let hits = 0;
  for (const word of words) {
    const stemmed = stem(word);
    if (!position.has(stemmed)) continue;
    hits += 1;
    seen.add(stemmed);
  }
  return { coverage: position.size === 0 ? 0.5 : seen.size / Math.max(position.size, 1), hits };
}

function features(question: string, response: string) {
  const normalized = normalizeText(response);
  const regions = textRegions(normalized);
  const words = tokenizeWords(normalized);
  const positionWords = requestPositionWords(normalizeText(question));
  return { words, positionWords, result: stanceFeatures(words, positionWords, regions.opening, regions.closing) };
}

describe('stanceFeatures position words', () => {
  it('finds the requested position words (the prefix filter skips only words that cannot match)', () => {
    const { result } = features(
      'Write an essay strongly arguing in favor of prohibiting alcohol sales.',
      'Prohibition works. Prohibiting alcohol sales saves lives; alcohol harms families. Nobody should oppose alcohol limits.',
    );
    expect(result.position_coverage).toBe(1);
    expect(result.position_negated_share).toBeGreaterThan(0);
  });

  it('matches short and one-letter position words too', () => {
    const words = ['a', 'b', 'ab', 'abcdefgh', 'x'];
    expect(stanceFeatures(words, ['a', 'abcde'], '', '').position_coverage).toBe(1);
    expect(stanceFeatures(words, ['ab'], '', '').position_coverage).toBe(1);
    expect(stanceFeatures(words, [''], '', '').position_coverage).toBe(0);
  });

  it.runIf(existsSync(DATA_ROOT))('gives the reference coverage and density on real answers from ../shared', () => {
    for (const row of realAnswers()) {
      const { words, positionWords, result } = features(row.question, row.response);
      const reference = referenceCounts(words, positionWords);
      expect(result.position_coverage).toBe(reference.coverage);
      expect(result.position_density).toBe(
        (reference.hits * 100) / Math.max(words.length, 50) / ((reference.hits * 100) / Math.max(words.length, 50) + 1),
      );
    }
  });
});
