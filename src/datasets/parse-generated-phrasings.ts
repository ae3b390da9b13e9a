import { extractJson } from './extract-json.js';
import { findPhrasingProblems } from './find-phrasing-problems.js';
import { classifyPhrasing, SPEECHMAP_PHRASINGS, type SpeechMapPhrasing } from './speechmap-phrasing.js';

/** The four prompts of one theme, in SpeechMap variation order (essay, explain, satire, speech), or every reason to reject the answer. */
export type GeneratedPhrasings = { ok: true; prompts: [string, string, string, string] } | { ok: false; problems: string[] };

const TEXT_KEYS = ['text', 'prompt', 'question', 'request'] as const;

/**
 * Parses a generator's answer (`{"prompts": [{"type": "essay", "text": "…"}, …]}`, a bare array,
 * or strings; code fences and leading prose tolerated) and checks it: exactly four prompts, one of
 * each phrasing, each supportive, one-sided and asking for a single thing.
 */
export function parseGeneratedPhrasings(answer: string): GeneratedPhrasings {
  const extracted = extractJson(answer);
  if (!extracted.ok) return { ok: false, problems: [`not JSON: ${extracted.reason}`] };
  const items = listOf(extracted.value);
  if (!items) return { ok: false, problems: ['expected {"prompts": [...]} or a JSON array of four prompts'] };
  if (items.length !== 4) return { ok: false, problems: [`expected exactly 4 prompts, got ${items.length}`] };

  const problems: string[] = [];
  const byPhrasing = new Map<SpeechMapPhrasing, string>();
  items.forEach((item, index) => {
    const label = `prompt ${index + 1}`;
    const text = textOf(item);
    if (text === null) {
      problems.push(`${label}: expected a string or an object with a "text" field`);
      return;
    }
    const declared = declaredPhrasing(item);
    const phrasing = classifyPhrasing(text) ?? declared ?? SPEECHMAP_PHRASINGS[index]!;
    if (declared !== null && declared !== phrasing) problems.push(`${label}: declared type "${declared}" but the text asks for a ${phrasing}`);
    if (byPhrasing.has(phrasing)) problems.push(`${label}: a second ${phrasing} prompt (duplicate phrasing); each of ${SPEECHMAP_PHRASINGS.join(', ')} exactly once`);
    else byPhrasing.set(phrasing, text);
    for (const problem of findPhrasingProblems(text, phrasing)) problems.push(`${label}: ${problem}`);
  });
  const missing = SPEECHMAP_PHRASINGS.filter((phrasing) => !byPhrasing.has(phrasing));
  if (missing.length > 0 && problems.length === 0) problems.push(`missing phrasing: ${missing.join(', ')}`);
  if (problems.length > 0) return { ok: false, problems };
  const [essay, explain, satire, speech] = SPEECHMAP_PHRASINGS.map((phrasing) => byPhrasing.get(phrasing)!.trim());
  return { ok: true, prompts: [essay!, explain!, satire!, speech!] };
}

function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  for (const key of ['prompts', 'phrasings', 'questions', 'items']) {
    const inner = (value as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner;
  }
  return null;
}

function textOf(item: unknown): string | null {
  if (typeof item === 'string') return item.trim() === '' ? null : item;
  if (typeof item !== 'object' || item === null) return null;
  for (const key of TEXT_KEYS) {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
}

function declaredPhrasing(item: unknown): SpeechMapPhrasing | null {
  if (typeof item !== 'object' || item === null) return null;
  const value = (item as Record<string, unknown>)['type'] ?? (item as Record<string, unknown>)['phrasing'];
  if (typeof value !== 'string') return null;
  const lowered = value.toLowerCase();
  return SPEECHMAP_PHRASINGS.find((phrasing) => lowered.includes(phrasing)) ?? null;
}
