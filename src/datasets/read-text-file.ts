import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../core/index.js';
import { statSync } from 'node:fs';

/** Most bytes read from one file once decompressed: a gzip bomb stops here (the largest SpeechMap file is ~20 MB). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Reads a whole UTF-8 text file (gunzipped when it ends in `.gz`); failures are InputErrors naming the file. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  assertRegularFile(path);
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError({ file: path }, 'file does not exist');
    if (code === 'EISDIR') throw new InputError({ file: path }, 'is a directory, not a file');
    throw new InputError({ file: path }, `cannot read (${(error as Error).message})`, { cause: error });
  }
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_FILE_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new InputError(
          { file: path },
          `is larger than ${MAX_FILE_BYTES} bytes once decompressed; Candor reads files up to that size (split it)`,
          { cause: error },
        );
      }
      throw new InputError({ file: path }, `cannot gunzip (${(error as Error).message})`, { cause: error });
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError({ file: path }, 'is not valid UTF-8 text; save it as UTF-8', { cause: error });
  }
}

/**
 * Refuses anything but a regular file before it is opened: opening a FIFO named `*.jsonl` blocks
 * until a writer comes (for ever, and beyond the reach of SIGTERM), a device never ends.
 */
export function assertRegularFile(path: string): void {
  let kind: string;
  try {
    const stats = statSync(path);
    if (stats.isFile()) return;
    kind = stats.isDirectory()
      ? 'a folder'
      : stats.isFIFO()
        ? 'a FIFO (named pipe)'
        : stats.isSocket()
          ? 'a socket'
          : stats.isCharacterDevice() || stats.isBlockDevice()
            ? 'a device'
            : 'something else';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && path.includes('\uFFFD')) {
      // Node hands names as UTF-8 strings: a name whose bytes are not UTF-8 arrives with U+FFFD and cannot be opened.
      throw new InputError(
        { file: path },
        'cannot be opened: its name is not valid UTF-8 (shown with \uFFFD); rename the file',
      );
    }
    if (code === 'ENOENT') throw new InputError({ file: path }, 'file does not exist');
    throw new InputError({ file: path }, `cannot read (${(error as Error).message})`);
  }
  throw new InputError({ file: path }, `is ${kind}, not a regular file; pass a file`);
}
