import { createHash } from 'node:crypto';

/** sha256 hex of the given parts, joined unambiguously. */
export function contentHash(parts: readonly (string | number | null | undefined)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
