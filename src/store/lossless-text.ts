/**
 * Postgres text cannot hold U+0000, and neither engine's UTF-8 can hold a lone UTF-16 surrogate
 * (pg sends U+FFFD instead, SQLite gives back three). Model output may contain both, so every
 * string crossing the store boundary is escaped on the way in and restored on the way out, losslessly:
 *
 *   U+0000            → U+E000 "0"
 *   U+E000 itself     → U+E000 U+E000
 *   a lone surrogate  → U+E000 "u" + 4 lowercase hex digits
 *
 * U+E000 is a private-use character that ordinary text does not contain; strings without any of
 * the three pass through unchanged (and fast). Equality and LIKE on escaped values still work,
 * since parameters are escaped the same way.
 */
const ESCAPE = '\uE000';
const NEEDS_ESCAPE = /[\u0000\uE000\uD800-\uDFFF]/;
const ESCAPED = /[\u0000\uE000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const RESTORE = /\uE000(?:(0)|(\uE000)|u([0-9a-f]{4}))/g;

export function escapeStoredText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPED, (character) => {
    if (character === '\u0000') return `${ESCAPE}0`;
    if (character === ESCAPE) return ESCAPE + ESCAPE;
    return `${ESCAPE}u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function restoreStoredText(text: string): string {
  if (!text.includes(ESCAPE)) return text;
  return text.replace(
    RESTORE,
    (whole, nul: string | undefined, escape: string | undefined, hex: string | undefined) => {
      if (nul) return '\u0000';
      if (escape) return ESCAPE;
      if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
      return whole;
    },
  );
}

export function escapeValue(value: unknown): unknown {
  if (typeof value === 'string') return escapeStoredText(value);
  if (Array.isArray(value)) return value.map(escapeValue);
  return value;
}

export function restoreValue(value: unknown): unknown {
  if (typeof value === 'string') return restoreStoredText(value);
  if (Array.isArray(value)) return value.map(restoreValue);
  return value;
}
