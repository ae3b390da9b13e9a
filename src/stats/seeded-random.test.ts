import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';

describe('createSeededRandom', () => {
  // Reference: Tommy Ettinger's Mulberry32 compiled from its C form with unsigned 32-bit arithmetic
  //   z = (state += 0x6D2B79F5); z = (z ^ z >> 15) * (z | 1); z ^= z + (z ^ z >> 7) * (z | 61); return z ^ z >> 14;
  // (`cc -O2 mulberry.c`), first four outputs per seed; the generator returns output / 2^32.
  it.each([
    [0, [1144304738, 1416247, 958946056, 627933444]],
    [42, [2581720956, 1925393290, 3661312704, 2876485805]],
    [4294967295, [3850105811, 813802916, 3073704848, 4054706436]],
  ])('seed %i reproduces the C reference stream', (seed, outputs) => {
    const random = createSeededRandom(seed);
    for (const output of outputs) expect(random()).toBe(output / 4294967296);
  });

  it('treats seeds modulo 2^32 and stays in [0, 1) with a mean near 1/2', () => {
    expect(createSeededRandom(-1)()).toBe(createSeededRandom(4294967295)());
    const random = createSeededRandom(123);
    let sum = 0;
    let outside = 0;
    for (let index = 0; index < 100_000; index += 1) {
      const value = random();
      if (!(value >= 0 && value < 1)) outside += 1;
      sum += value;
    }
    expect(outside).toBe(0);
    // Standard error of the mean of 10^5 uniforms is 0.0009; allow about 5 of them.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.0045);
  });

  it('rejects non-integer seeds', () => {
    expect(() => createSeededRandom(1.5)).toThrow(RangeError);
  });
});
