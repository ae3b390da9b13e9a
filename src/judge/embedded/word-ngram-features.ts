import { BinaryBlock } from './feature-vector.js';
import { combineHashes, foldHash, rawHash } from './hash-feature.js';

/** Raw hashes of word tokens, computed once and shared by every word n-gram namespace. */
export function hashWords(words: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(words.length);
  for (let index = 0; index < words.length; index += 1) hashes[index] = rawHash(words[index]!);
  return hashes;
}

/**
 * Binary word unigrams and bigrams of `wordHashes[start, end)` under a namespace (e.g. `w` for the
 * whole text, `o:…` for the opening words, `c:…` for the closing words).
 */
export function wordNgramFeatures(
  wordHashes: Uint32Array,
  namespace: string,
  start = 0,
  end = wordHashes.length,
): BinaryBlock {
  const from = Math.max(0, start);
  const to = Math.min(end, wordHashes.length);
  const block = new BinaryBlock(2 * (to - from));
  const namespaceHash = rawHash(namespace);
  const bigramNamespace = combineHashes(namespaceHash, 0x2f);
  for (let index = from; index < to; index += 1) {
    block.add(foldHash(combineHashes(namespaceHash, wordHashes[index]!)));
    if (index + 1 < to)
      block.add(foldHash(combineHashes(combineHashes(bigramNamespace, wordHashes[index]!), wordHashes[index + 1]!)));
  }
  return block;
}
