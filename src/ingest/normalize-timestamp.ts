/**
 * ISO-8601 UTC from SpeechMap's timestamps (naive ones are UTC), from epoch seconds, or null.
 */
export function normalizeTimestamp(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const trimmed = value.trim();
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const date = new Date(hasZone || !trimmed.includes('T') ? trimmed : `${trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
