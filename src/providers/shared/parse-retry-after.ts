/**
 * How long to wait before retrying, from `retry-after-ms` (milliseconds, OpenAI/Anthropic) or
 * `retry-after` (seconds or an HTTP date, RFC 9110 §10.2.3). Null when absent or unparseable.
 */
export function parseRetryAfter(headers: Record<string, string>, now: number): number | null {
  const milliseconds = headers['retry-after-ms'];
  if (milliseconds !== undefined) {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter === undefined || retryAfter === '') return null;
  if (/^\d+(?:\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
