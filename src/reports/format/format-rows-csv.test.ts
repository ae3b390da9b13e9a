import { describe, expect, it } from 'vitest';
import { formatRows } from './format-rows.js';

describe('CSV from the CLI', () => {
  it('defuses cells a spreadsheet would run as formulas, and leaves numbers alone', () => {
    const rows = [
      { name: '=HYPERLINK("http://evil.example","x")', n: -3 },
      { name: '+1+2', n: 0.5 },
      { name: '-cmd', n: 1 },
      { name: '@SUM(A1)', n: 2 },
      { name: '\tTAB', n: 3 },
      { name: 'plain', n: 4 },
    ];
    const csv = formatRows(
      rows,
      [
        { key: 'name', header: 'name', kind: 'text' },
        { key: 'n', header: 'n', kind: 'number' },
      ],
      'csv',
    );
    expect(csv.split('\r\n')).toEqual([
      'name,n',
      `"'=HYPERLINK(""http://evil.example"",""x"")",-3`,
      "'+1+2,0.5",
      "'-cmd,1",
      "'@SUM(A1),2",
      "'\tTAB,3",
      'plain,4',
      '',
    ]);
  });
});
