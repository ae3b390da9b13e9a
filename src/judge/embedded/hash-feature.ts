/** Feature-space size: 2^18 hashed buckets shared by n-grams and hand-written features. */
export const FEATURE_BITS = 18;
export const FEATURE_COUNT = 1 << FEATURE_BITS;
const FEATURE_MASK = FEATURE_COUNT - 1;

/** FNV-1a (32-bit) of a string, folded into the feature space; stable across platforms. */
export function hashFeature(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & FEATURE_MASK;
}

/** Hash of `length` UTF-16 code units of `text` starting at `start`, mixed with a namespace seed. */
export function hashCodeUnits(text: string, start: number, length: number, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = start; index < start + length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) & FEATURE_MASK;
}

/** Raw 32-bit FNV-1a of a string (not folded), for combining with `combineHashes`. */
export function rawHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Order-sensitive mix of two 32-bit hashes (murmur3 finalizer), so n-grams hash without building strings. */
export function combineHashes(first: number, second: number): number {
  let hash = (Math.imul(first, 0x9e3779b1) ^ second) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Folds a raw 32-bit hash into the feature space. */
export function foldHash(hash: number): number {
  return hash & FEATURE_MASK;
}
