import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { InputError } from '../core/index.js';
import { assertRegularFile, MAX_FILE_BYTES } from './read-text-file.js';

export { MAX_FILE_BYTES };
import { isPlainObject } from './text-field-schemas.js';

/** One parsed line of a JSON Lines file, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

/** Longest line read (bytes): a SpeechMap line with a long answer is well under 1 MB. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface ReadJsonLinesLimits {
  maxLineBytes?: number;
  maxFileBytes?: number;
}

/** Deepest nesting of arrays and objects accepted in a line: real rows nest a handful of levels; 100k crashed the importer. */
export const MAX_JSON_DEPTH = 256;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a JSON text nests deeper than `limit` (brackets inside strings do not count). Cheap when it has few brackets. */
function nestsDeeperThan(bytes: Buffer, limit: number): boolean {
  let openers = 0;
  for (let at = bytes.indexOf(0x5b); at >= 0 && openers <= limit; at = bytes.indexOf(0x5b, at + 1)) openers += 1;
  for (let at = bytes.indexOf(0x7b); at >= 0 && openers <= limit; at = bytes.indexOf(0x7b, at + 1)) openers += 1;
  if (openers <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (inString) {
      if (byte === 0x5c) index += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * Reads a `.jsonl` or `.jsonl.gz` file line by line. Blank lines are skipped. Refused, each with
 * one InputError naming the file and line: anything that is not a regular file (a FIFO would wait
 * forever), a line that is not valid JSON or not valid UTF-8 (as the CSV reader does), a line
 * over MAX_LINE_BYTES, a file over MAX_FILE_BYTES once decompressed.
 */
export async function* readJsonLines(path: string, limits: ReadJsonLinesLimits = {}): AsyncGenerator<JsonLine> {
  const maxLineBytes = limits.maxLineBytes ?? MAX_LINE_BYTES;
  const maxFileBytes = limits.maxFileBytes ?? MAX_FILE_BYTES;
  assertRegularFile(path);
  const fileStream = createReadStream(path);
  const input = path.endsWith('.gz') ? fileStream.pipe(createGunzip()) : fileStream;
  // pipe() does not forward errors; a plain file is its own input (re-emitting on it would recurse forever).
  if (input !== fileStream) fileStream.on('error', (error) => input.emit('error', error));
  let lineNumber = 0;
  let total = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const parse = (bytes: Buffer): JsonLine | null => {
    lineNumber += 1;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new InputError({ file: path, line: lineNumber }, 'is not valid UTF-8; save the file as UTF-8');
    }
    const trimmed = lineNumber === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') return null;
    if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
      throw new InputError(
        { file: path, line: lineNumber },
        `JSON nested more than ${MAX_JSON_DEPTH} levels deep; Candor reads rows nested up to that depth`,
      );
    }
    try {
      return { line: lineNumber, value: JSON.parse(trimmed) };
    } catch (error) {
      throw new InputError({ file: path, line: lineNumber }, `malformed JSON (${(error as Error).message})`);
    }
  };
  const tooLong = () =>
    new InputError(
      { file: path, line: lineNumber + 1 },
      `line is longer than ${maxLineBytes} bytes; Candor reads lines up to that length`,
    );
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxFileBytes) {
        throw new InputError(
          { file: path },
          `is larger than ${maxFileBytes} bytes${input !== fileStream ? ' once decompressed' : ''}; Candor reads files up to that size (split it)`,
        );
      }
      let start = 0;
      for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, newline);
        if (pendingBytes + piece.length > maxLineBytes) throw tooLong();
        const line = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
        const parsed = parse(line);
        if (parsed) yield parsed;
        start = newline + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > maxLineBytes) throw tooLong();
      }
    }
    if (pendingBytes > 0) {
      const parsed = parse(Buffer.concat(pending));
      if (parsed) yield parsed;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError({ file: path }, 'file does not exist');
    throw new InputError({ file: path, line: lineNumber || undefined }, `cannot read (${(error as Error).message})`);
  } finally {
    fileStream.destroy();
    if (input !== fileStream) input.destroy();
  }
}

/**
 * Visits each line of a JSON Lines file that holds a JSON object and collects problems instead of
 * throwing: a line holding anything else is a problem; a line that is not JSON ends the scan (the
 * line reader cannot resume after it) and is reported with what came before. An InputError thrown
 * by `visit` is collected the same way.
 */
export async function forEachJsonObjectLine(
  path: string,
  problems: InputError[],
  visit: (value: Record<string, unknown>, line: number) => void,
): Promise<void> {
  try {
    for await (const { line, value } of readJsonLines(path)) {
      if (!isPlainObject(value)) {
        problems.push(new InputError({ file: path, line }, 'expected a JSON object'));
        continue;
      }
      visit(value, line);
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(error);
  }
}
