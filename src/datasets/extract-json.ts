/** A JSON value found in model output, or why none was. */
export type ExtractedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Finds the JSON a model was asked for in its answer: the whole text, the inside of a ``` fence,
 * or the first balanced {…} / […] after leading prose. Never throws.
 */
export function extractJson(text: string): ExtractedJson {
  const candidates: string[] = [text.trim()];
  for (const fence of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) candidates.push(fence[1]!.trim());
  for (const candidate of candidates) {
    const parsed = tryParse(candidate);
    if (parsed.ok) return parsed;
  }
  for (let start = 0; start < text.length; start += 1) {
    const character = text[start];
    if (character !== '{' && character !== '[') continue;
    const end = findBalancedEnd(text, start);
    if (end === -1) continue;
    const parsed = tryParse(text.slice(start, end + 1));
    if (parsed.ok) return parsed;
  }
  const excerpt = text.trim().replace(/\s+/g, ' ').slice(0, 80);
  return { ok: false, reason: `no JSON object or array in the answer (starts "${excerpt}")` };
}

function tryParse(text: string): ExtractedJson {
  if (!text.startsWith('{') && !text.startsWith('[')) return { ok: false, reason: 'not JSON' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

// Index of the bracket closing the one at `start`, skipping brackets inside strings; -1 if none.
function findBalancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === '{' || character === '[') depth += 1;
    else if (character === '}' || character === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
