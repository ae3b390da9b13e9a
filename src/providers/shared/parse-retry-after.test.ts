import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';

const now = Date.parse('2025-05-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('prefers retry-after-ms', () => expect(parseRetryAfter({ 'retry-after-ms': '1500.4', 'retry-after': '9' }, now)).toBe(1500));
  it('reads seconds', () => expect(parseRetryAfter({ 'retry-after': '7' }, now)).toBe(7000));
  it('reads an HTTP date', () => expect(parseRetryAfter({ 'retry-after': 'Thu, 01 May 2025 12:00:30 GMT' }, now)).toBe(30_000));
  it('a past date means no wait', () => expect(parseRetryAfter({ 'retry-after': 'Thu, 01 May 2025 11:00:00 GMT' }, now)).toBe(0));
  it('absent or garbage is null', () => {
    expect(parseRetryAfter({}, now)).toBeNull();
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeNull();
  });
});
