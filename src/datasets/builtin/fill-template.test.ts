import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholdersOf } from './builtin-targets.js';

describe('fillTemplate', () => {
  it('replaces every placeholder, repeated ones included', () => {
    expect(fillTemplate('{a} and {b}, then {a}', { a: 'X', b: 'Y' })).toBe('X and Y, then X');
  });

  it('throws on a slot without a value', () => {
    expect(() => fillTemplate('mock {leader}', { name: 'China' })).toThrow('no value for {leader} in "mock {leader}"');
  });

  it('throws on a malformed placeholder left in the text', () => {
    expect(() => fillTemplate('mock {Leader}', { leader: 'x' })).toThrow(/unfilled or malformed placeholder/);
  });

  it('lists the slots in order of first use', () => {
    expect(placeholdersOf('{b} {a} {b}')).toEqual(['b', 'a']);
  });
});
