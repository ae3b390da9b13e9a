import { statSync } from 'node:fs';
import { InputError } from '../core/index.js';

/**
 * Refuses anything but a regular file before it is opened: opening a FIFO named `*.jsonl` blocks
 * until a writer comes (for ever, and beyond the reach of SIGTERM), a device never ends.
 */
export function assertRegularFile(path: string): void {
  let kind: string | null = null;
  try {
    const stats = statSync(path);
    if (stats.isFile()) return;
    kind = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'something else';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && path.includes('\uFFFD')) {
      // Node hands names as UTF-8 strings: a name whose bytes are not UTF-8 arrives with U+FFFD and cannot be opened.
      throw new InputError({ file: path }, 'cannot be opened: its name is not valid UTF-8 (shown with \uFFFD); rename the file');
    }
    if (code === 'ENOENT') throw new InputError({ file: path }, 'file does not exist');
    throw new InputError({ file: path }, `cannot read (${(error as Error).message})`);
  }
  throw new InputError({ file: path }, `is ${kind}, not a regular file; pass a file`);
}
