import type { SearchHit, SearchResponse, StaticSearchIndex } from '../../../src/server/api-types/questions.js';

function snippet(text: string, position: number, length: number): string {
  const start = Math.max(0, position - 80);
  const end = Math.min(text.length, position + length + 80);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Case-insensitive substring search over the static site's compact index (works for any script). */
export function searchStaticIndex(index: StaticSearchIndex, text: string, limit: number): SearchResponse {
  const needle = text.trim().toLowerCase();
  const hits: SearchHit[] = [];
  if (needle === '') return { query: text, hits, truncated: false };
  for (const [set, questionId, body] of index.questions) {
    const position = body.toLowerCase().indexOf(needle);
    if (position >= 0)
      hits.push({
        kind: 'question',
        set,
        questionId,
        model: null,
        label: null,
        snippet: snippet(body, position, needle.length),
      });
    if (hits.length > limit) break;
  }
  for (const [set, questionId, model, label, body] of index.explanations) {
    if (hits.length > limit) break;
    const position = body.toLowerCase().indexOf(needle);
    if (position >= 0)
      hits.push({
        kind: 'explanation',
        set,
        questionId,
        model,
        label,
        snippet: snippet(body, position, needle.length),
      });
  }
  return { query: text, hits: hits.slice(0, limit), truncated: hits.length > limit };
}
