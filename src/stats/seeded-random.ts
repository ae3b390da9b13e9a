/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * Deterministic uniform generator in [0, 1): Tommy Ettinger's Mulberry32 (public domain, 2017),
 * 32-bit state, period 2^32 — plenty for Monte Carlo intervals of a few thousand draws, and the
 * same seed always yields the same stream.
 */
export function createSeededRandom(seed: number): RandomSource {
  if (!Number.isInteger(seed)) throw new RangeError(`createSeededRandom: seed ${seed} must be an integer`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
