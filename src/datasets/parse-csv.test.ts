import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { parseCsv } from './parse-csv.js';

function fieldsOf(text: string): string[][] {
  return parseCsv(text).map((record) => record.fields);
}

function errorOf(text: string): InputError {
  try {
    parseCsv(text, { source: 'q.csv' });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected parseCsv to throw');
}

describe('parseCsv', () => {
  it('splits records on line breaks and fields on commas', () => {
    expect(fieldsOf('id,text\na,b\n')).toEqual([
      ['id', 'text'],
      ['a', 'b'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(fieldsOf('id,text\n1,"one, two"\n2,"say ""hi"""\n3,"line\nbreak"\n')).toEqual([
      ['id', 'text'],
      ['1', 'one, two'],
      ['2', 'say "hi"'],
      ['3', 'line\nbreak'],
    ]);
  });

  it('accepts CRLF and lone CR line ends, and keeps a CRLF inside quotes as written', () => {
    expect(fieldsOf('a,b\r\n1,"x\r\ny"\r\n2,z\r3,w')).toEqual([
      ['a', 'b'],
      ['1', 'x\r\ny'],
      ['2', 'z'],
      ['3', 'w'],
    ]);
  });

  it('drops a leading byte-order mark', () => {
    expect(fieldsOf('\uFEFFid,text\n1,a')[0]).toEqual(['id', 'text']);
  });

  it('keeps empty fields, including a quoted empty field and a trailing empty field', () => {
    expect(fieldsOf('a,,c\n"",x,\n')).toEqual([
      ['a', '', 'c'],
      ['', 'x', ''],
    ]);
  });

  it('skips blank lines and reads a last record without a line break', () => {
    expect(fieldsOf('a\n\n\r\nb')).toEqual([['a'], ['b']]);
  });

  it('returns no records for empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });

  it('numbers each record by the physical line it starts on', () => {
    const records = parseCsv('id,text\r\n1,"two\r\nlines"\r\n\r\n2,"three\nmore\nlines"\n3,x\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 5, 8]);
  });

  it('rejects a quoted field that is never closed, naming the line where it opens', () => {
    const error = errorOf('id,text\n1,ok\n2,"never\nclosed\n');
    expect(error.location).toEqual({ file: 'q.csv', line: 3 });
    expect(error.message).toMatch(/^q\.csv:3: quoted field is never closed/);
  });

  it('rejects text after a closing quote', () => {
    expect(errorOf('id,text\n1,"a"b\n').location).toEqual({ file: 'q.csv', line: 2 });
  });

  it('rejects a quote inside an unquoted field', () => {
    const error = errorOf('id,text\n1,ok\n2,say "hi"\n');
    expect(error.location.line).toBe(3);
    expect(error.problem).toMatch(/quote inside an unquoted field/);
  });
});
