import { basename } from 'node:path';

/** File name without directory, `.gz` and its last extension: `data/us_hard.jsonl.gz` → `us_hard`. */
export function fileStem(path: string): string {
  const name = basename(path).replace(/\.gz$/i, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
