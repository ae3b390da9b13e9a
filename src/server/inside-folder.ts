import { isAbsolute, relative, resolve } from 'node:path';
import { CandorError } from '../core/index.js';

/**
 * The absolute path of `relativePath` under `folder`, refusing any path that would land outside
 * it (a ".." segment, an absolute path, an empty name). Every file the static-site builder writes
 * goes through here: names come from data (set names, model ids, question ids), and data is hostile.
 */
export function insideFolder(folder: string, relativePath: string): string {
  const root = resolve(folder);
  const path = resolve(root, relativePath);
  const rest = relative(root, path);
  if (
    rest === '' ||
    rest === '..' ||
    rest.startsWith(`..${'/'}`) ||
    rest.startsWith('..\\') ||
    isAbsolute(rest) ||
    relativePath.split(/[\\/]/).some((segment) => segment === '..' || segment === '.')
  ) {
    throw new CandorError(
      'unsafe_path',
      `refusing to write ${JSON.stringify(relativePath)}: it would land outside ${root} (a name in the data is "." or "..")`,
    );
  }
  return path;
}
