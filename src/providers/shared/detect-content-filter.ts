import { isObject } from './json-helpers.js';

/**
 * Phrases and codes that vendors use when a provider-side filter (not the model) stopped a request.
 * Seen in the wild: Alibaba `data_inspection_failed` / "inappropriate content", OpenAI "your prompt was
 * flagged", Azure `content_filter` / ResponsibleAIPolicyViolation, OpenRouter "requires moderation",
 * Gemini SAFETY / PROHIBITED_CONTENT, DeepSeek "Content Exists Risk", Moonshot "high risk".
 */
const CONTENT_FILTER_PATTERNS: RegExp[] = [
  /content[_ -]?filter/i,
  /data_?inspection_?failed/i,
  /inappropriate content/i,
  /moderation/i,
  /\bflagged\b/i,
  /\b(?:SAFETY|PROHIBITED_CONTENT|RECITATION|BLOCKLIST|SPII|IMAGE_SAFETY)\b/,
  /responsibleaipolicyviolation/i,
  /content management policy/i,
  /content exists risk/i,
  /considered high risk/i,
  /blocked by (?:the )?(?:safety|content|policy)/i,
  /\bsafety (?:system|filter|settings|policy|reasons?)\b/i,
];

/** The first content-filter pattern a text matches, or null. */
export function matchContentFilter(text: string): string | null {
  for (const pattern of CONTENT_FILTER_PATTERNS) {
    const found = pattern.exec(text);
    if (found) return found[0];
  }
  return null;
}

/**
 * Every string (and numeric code) inside an error payload, including JSON strings nested in
 * `metadata.raw`, skipping echoed HTTP headers so that header names cannot trigger a match.
 */
export function collectErrorTexts(value: unknown, depth = 0): string[] {
  if (depth > 6) return [];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && trimmed.length < 100_000) {
      try {
        return [value, ...collectErrorTexts(JSON.parse(trimmed) as unknown, depth + 1)];
      } catch {
        return [value];
      }
    }
    return [value];
  }
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => collectErrorTexts(item, depth + 1));
  if (isObject(value)) {
    return Object.entries(value)
      .filter(([key]) => key !== 'headers')
      .flatMap(([, item]) => collectErrorTexts(item, depth + 1));
  }
  return [];
}
