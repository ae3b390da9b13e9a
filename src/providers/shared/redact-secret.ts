/** Keys shorter than this are not redacted: "[redacted]" for every "abc" would wreck the text, and no vendor issues such keys. */
export const MIN_REDACTED_SECRET_LENGTH = 4;

const REDACTED = '[redacted]';
const cache = new Map<string, RegExp>();

/** Hex digits of a code, each letter in either case: `[aA]`. */
function hex(code: number, width: number): string {
  return code
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

/**
 * A pattern for the secret as a server may echo it: each character literal, JSON-escaped
 * (`\u0073`, `\/`) or percent-encoded (`%73`), in any hex case. A key echoed as `\u0073k-…` in a
 * JSON body would otherwise survive redaction of the raw text and come back when the body is decoded.
 */
function secretPattern(secret: string): RegExp {
  let pattern = cache.get(secret);
  if (pattern) return pattern;
  const parts: string[] = [];
  for (const character of secret) {
    const code = character.codePointAt(0)!;
    const forms = [character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')];
    if (code <= 0xffff) forms.push(`\\\\u${hex(code, 4)}`);
    if (character === '/') forms.push('\\\\/');
    if (code < 0x80) forms.push(`%${hex(code, 2)}`);
    parts.push(forms.length === 1 ? forms[0]! : `(?:${forms.join('|')})`);
  }
  pattern = new RegExp(parts.join(''), 'g');
  if (cache.size > 32) cache.clear();
  cache.set(secret, pattern);
  return pattern;
}

/**
 * Replaces every occurrence of a secret with [redacted]: literal, JSON-escaped or percent-encoded
 * (servers echo keys in auth errors, request ids and rate-limit headers). Keys of at least
 * MIN_REDACTED_SECRET_LENGTH characters are redacted; shorter ones are left alone.
 */
export function redactSecret(text: string, secret: string | null): string {
  if (!secret || secret.length < MIN_REDACTED_SECRET_LENGTH || text.length < secret.length) return text;
  const pattern = secretPattern(secret);
  pattern.lastIndex = 0;
  return text.replace(pattern, REDACTED);
}

/** The same over every value of a record (response headers). */
export function redactSecretInRecord(record: Record<string, string>, secret: string | null): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) redacted[name] = redactSecret(value, secret);
  return redacted;
}
