/** Response headers worth storing: request ids, rate-limit state, retry hints. Nothing else. */
const USEFUL_HEADER = /^(?:x-request-id|request-id|x-generation-id|cf-ray|retry-after|retry-after-ms|openai-processing-ms|x-goog-request-id)$|ratelimit/;

export function pickUsefulHeaders(headers: Headers | null): Record<string, string> {
  const picked: Record<string, string> = {};
  if (!headers) return picked;
  headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (USEFUL_HEADER.test(lower)) picked[lower] = value;
  });
  return picked;
}
