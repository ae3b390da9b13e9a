import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { InputError } from '../core/index.js';

/** One parsed line of a JSON Lines file, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

/**
 * Reads a `.jsonl` or `.jsonl.gz` file line by line. Blank lines are skipped.
 * A line that is not valid JSON raises an InputError naming file and line.
 */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const fileStream = createReadStream(path);
  const input = path.endsWith('.gz') ? fileStream.pipe(createGunzip()) : fileStream;
  // pipe() does not forward errors; a plain file is its own input (re-emitting on it would recurse forever).
  if (input !== fileStream) fileStream.on('error', (error) => input.emit('error', error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      const trimmed = lineNumber === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
      if (trimmed === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (error) {
        throw new InputError({ file: path, line: lineNumber }, `malformed JSON (${(error as Error).message})`);
      }
      yield { line: lineNumber, value };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError({ file: path }, 'file does not exist');
    throw new InputError({ file: path, line: lineNumber || undefined }, `cannot read (${(error as Error).message})`);
  } finally {
    lines.close();
    fileStream.destroy();
  }
}
