import { InputError } from '../core/index.js';

/** One CSV record and the physical line (1-based) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface ParseCsvOptions {
  /** Names the input in error messages (usually the file path). */
  source?: string;
}

/**
 * Parses CSV as in RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): comma-separated fields,
 * fields in double quotes may hold commas, line breaks and doubled quotes (`""`). Records end
 * at CRLF, LF or CR; a leading byte-order mark and blank lines are skipped; the last line
 * needs no line break. Text inside quotes is kept byte for byte, line breaks included.
 * A quote inside an unquoted field, text after a closing quote, or an unclosed quote
 * raises an InputError naming the line.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const source = options.source ?? 'CSV';
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let fieldQuoted = false;
  let quoteClosed = false;
  let quoteLine = 1;
  let index = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldQuoted = false;
    quoteClosed = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !fieldQuoted;
    if (!blank) {
      endField();
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    fieldQuoted = false;
    quoteClosed = false;
  };

  while (index < input.length) {
    const character = input[index]!;
    if (fieldQuoted && !quoteClosed) {
      if (character === '"') {
        if (input[index + 1] === '"') {
          field += '"';
          index += 2;
        } else {
          quoteClosed = true;
          index += 1;
        }
        continue;
      }
      const lineBreak = lineBreakLength(input, index);
      if (lineBreak > 0) line += 1;
      const length = Math.max(lineBreak, 1);
      field += input.slice(index, index + length);
      index += length;
      continue;
    }

    const lineBreak = lineBreakLength(input, index);
    if (lineBreak > 0) {
      endRecord();
      index += lineBreak;
      line += 1;
      recordLine = line;
      continue;
    }
    if (character === ',') {
      endField();
      index += 1;
      continue;
    }
    if (quoteClosed) {
      throw new InputError(
        { file: source, line },
        `unexpected ${JSON.stringify(character)} after a closing quote; a quoted field must end at a comma or line end`,
      );
    }
    if (character === '"') {
      if (field !== '') {
        throw new InputError(
          { file: source, line },
          'quote inside an unquoted field; put the whole field in quotes and double the quote ("")',
        );
      }
      fieldQuoted = true;
      quoteLine = line;
      index += 1;
      continue;
    }
    field += character;
    index += 1;
  }

  if (fieldQuoted && !quoteClosed) {
    throw new InputError({ file: source, line: quoteLine }, 'quoted field is never closed; add the closing quote');
  }
  endRecord();
  return records;
}

/** 2 for CRLF, 1 for LF or a lone CR, 0 otherwise. */
function lineBreakLength(text: string, index: number): number {
  const character = text[index];
  if (character === '\n') return 1;
  if (character === '\r') return text[index + 1] === '\n' ? 2 : 1;
  return 0;
}
