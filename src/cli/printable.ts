/**
 * Text from data, safe to print on a terminal: ANSI escape sequences and other control characters
 * (which could recolour, move the cursor, retitle the window or hide text) are shown as visible
 * escapes like \x1b. Newlines and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
