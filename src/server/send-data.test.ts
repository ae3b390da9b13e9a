import { describe, expect, it } from 'vitest';
import { toCsv } from './send-data.js';

describe('toCsv', () => {
  it('quotes separators and defuses formula cells', () => {
    const csv = toCsv([{ name: '=HYPERLINK("x")', note: 'a,b', count: -3, empty: null }]);
    expect(csv).toBe(`name,note,count,empty\r\n"'=HYPERLINK(""x"")","a,b",-3,\r\n`);
  });
});
