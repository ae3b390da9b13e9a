import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type of a file served by the explorer, by extension. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
}

/** The built front end (vite's output): dist/web, found from dist/server or from src/server. */
export function findWebAssets(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return null;
}

/** Reads a file under `root`, refusing anything that escapes it; null when absent. */
export function readAsset(root: string, relativePath: string): Buffer | null {
  const base = resolve(root);
  const path = resolve(base, `.${sep}${relativePath}`);
  if (!path.startsWith(base + sep)) return null;
  if (!existsSync(path) || !statSync(path).isFile()) return null;
  return readFileSync(path);
}
