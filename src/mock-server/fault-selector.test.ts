import { describe, expect, it } from 'vitest';
import { createFaultSelector, type FaultContext } from './fault-selector.js';
import { hash53 } from './seeded-random.js';

function request(requestIndex: number, prompt: string): FaultContext {
  return { requestIndex, prompt, questionKey: hash53(`m\n${prompt}`) };
}

describe('createFaultSelector', () => {
  it('matches by prompt substring and by request index, first rule wins', () => {
    const selector = createFaultSelector(
      [
        { fault: 'timeout', requestIndex: [1, 3] },
        { fault: 'reset', match: 'Tiananmen' },
      ],
      1,
    );
    expect(selector.select(request(0, 'about Tiananmen'))?.fault).toBe('reset');
    expect(selector.select(request(1, 'about Tiananmen'))?.fault).toBe('timeout');
    expect(selector.select(request(2, 'about cats'))).toBeUndefined();
    expect(selector.select(request(3, 'about cats'))?.fault).toBe('timeout');
  });

  it('fires a once rule only for the first attempt of each question, then falls through', () => {
    const selector = createFaultSelector(
      [
        { fault: 'rate_limit', once: true },
        { fault: 'server_error_500', match: 'b', times: 2 },
      ],
      1,
    );
    const faults = ['a', 'a', 'b', 'b', 'b', 'b', 'a'].map(
      (prompt, index) => selector.select(request(index, prompt))?.fault,
    );
    expect(faults).toEqual([
      'rate_limit',
      undefined,
      'rate_limit',
      'server_error_500',
      'server_error_500',
      undefined,
      undefined,
    ]);
    selector.reset();
    expect(selector.select(request(0, 'a'))?.fault).toBe('rate_limit');
  });

  it('applies a rate close to the one asked for', () => {
    const selector = createFaultSelector([{ fault: 'server_error_503', rate: 0.3 }], 42);
    let hits = 0;
    for (let index = 0; index < 5000; index++) if (selector.select(request(index, `question ${index}`))) hits++;
    expect(hits / 5000).toBeGreaterThan(0.27);
    expect(hits / 5000).toBeLessThan(0.33);
  });

  it('is reproducible for a seed, whatever the arrival order, and differs between seeds', () => {
    const prompts = Array.from({ length: 400 }, (_, index) => `question ${index}`);
    const run = (seed: number, order: string[]): string[] => {
      const selector = createFaultSelector([{ fault: 'reset', rate: 0.2 }], seed);
      return order.filter((prompt, index) => selector.select(request(index, prompt))).sort();
    };
    const reversed = [...prompts].reverse();
    expect(run(7, prompts)).toEqual(run(7, reversed));
    expect(run(7, prompts)).not.toEqual(run(8, prompts));
  });

  it('draws again for a retry of the same question, so a rate fault does not stick to it', () => {
    const selector = createFaultSelector([{ fault: 'reset', rate: 0.5 }], 3);
    const outcomes = Array.from(
      { length: 64 },
      (_, index) => selector.select(request(index, 'same question')) !== undefined,
    );
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });

  it('rejects a rate outside [0, 1] and a bad times', () => {
    expect(() => createFaultSelector([{ fault: 'reset', rate: 2 }], 1)).toThrow(/rule 0 \(reset\): rate/);
    expect(() => createFaultSelector([{ fault: 'reset', times: 1.5 }], 1)).toThrow(/times/);
  });
});
