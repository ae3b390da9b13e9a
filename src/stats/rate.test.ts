import { describe, expect, it } from 'vitest';
import { rateInterval } from './rate.js';
import { wilsonInterval } from './wilson-interval.js';

describe('rateInterval', () => {
  it('is the share with its Wilson interval', () => {
    expect(rateInterval(81, 263)).toEqual({ rate: 81 / 263, ...wilsonInterval(81, 263) });
  });

  it('is null, not 0 and not [0, 1], for an empty cell', () => {
    expect(rateInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
  });

  it('keeps a true 0% with its interval', () => {
    expect(rateInterval(0, 20)).toEqual({ rate: 0, low: 0, high: wilsonInterval(0, 20).high });
  });
});
