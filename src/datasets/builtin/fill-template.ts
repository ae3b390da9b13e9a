const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** The slot names a template text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Replaces every `{slot}` in a template text with its value. Throws when a slot has no value or
 * when braces are left over, so a typo in the sources fails the build instead of shipping.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  const filled = text.replace(PLACEHOLDER, (placeholder, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`no value for ${placeholder} in "${text}"`);
    return value;
  });
  if (/[{}]/.test(filled)) throw new Error(`unfilled or malformed placeholder left in "${filled}"`);
  return filled;
}
