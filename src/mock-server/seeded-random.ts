/** A small, fast seeded generator (mulberry32) returning floats in [0, 1). */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 53-bit string hash (cyrb53): small enough to key maps, wide enough that collisions do not matter. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A reproducible draw in [0, 1) for a (seed, stream, key, attempt) tuple. Keyed rather than
 * sequential so the same question gets the same draw whatever order concurrent requests arrive in.
 */
export function keyedUnit(seed: number, stream: number, key: number, attempt: number): number {
  const mixed = (key % 4294967296) ^ Math.imul(stream + 1, 0x9e3779b9) ^ Math.imul(attempt + 1, 0x85ebca6b);
  const next = createSeededRandom((seed ^ mixed ^ Math.floor(key / 4294967296)) >>> 0);
  next();
  return next();
}
