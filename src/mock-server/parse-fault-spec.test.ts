import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { parseFaultSpec } from './parse-fault-spec.js';

describe('parseFaultSpec', () => {
  it('parses fault:rate tokens in order', () => {
    expect(parseFaultSpec('rate_limit:0.05,server_error_500:0.02')).toEqual([
      { fault: 'rate_limit', rate: 0.05 },
      { fault: 'server_error_500', rate: 0.02 },
    ]);
  });

  it('reads a bare name as every request, tolerates spaces and maps status aliases', () => {
    expect(parseFaultSpec(' timeout , 503:1 , 429:0')).toEqual([
      { fault: 'timeout' },
      { fault: 'server_error_503', rate: 1 },
      { fault: 'rate_limit', rate: 0 },
    ]);
  });

  it('returns no rules for an empty spec', () => {
    expect(parseFaultSpec('')).toEqual([]);
    expect(parseFaultSpec('   ')).toEqual([]);
  });

  it.each([
    ['rate_limit:0.05,bogus:0.1', /token 2 "bogus:0.1": unknown fault "bogus"; expected one of rate_limit, /],
    ['rate_limit:abc', /token 1 "rate_limit:abc": rate "abc" must be a number between 0 and 1/],
    ['reset:1.5', /token 1 "reset:1.5": rate "1.5"/],
    ['reset:-0.1', /rate "-0.1"/],
    ['reset:', /rate "" must be a number/],
    ['reset:0.1,,timeout', /token 2 "": empty token/],
    ['reset:0.1:2', /token 1 "reset:0.1:2": expected fault\[:rate\]/],
  ])('rejects %j naming the bad token', (spec, message) => {
    let caught: unknown;
    try {
      parseFaultSpec(spec);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CandorError);
    expect((caught as CandorError).code).toBe('fault_spec_invalid');
    expect((caught as CandorError).message).toMatch(message);
  });
});
