import type { QuestionFileFormat } from './question-file-format.js';
import { isPlainObject } from './is-plain-object.js';
import { readJsonLines } from './read-json-lines.js';

/**
 * Picks a reader from the extension and, for JSON Lines, the first record: `.csv`/`.csv.gz` →
 * candor-csv; `.jsonl`/`.jsonl.gz` whose first record has `category` and `question` but no
 * `text` → speechmap; anything else → candor-jsonl. Throws the InputError of an unreadable first line.
 */
export async function detectQuestionFileFormat(path: string): Promise<QuestionFileFormat> {
  const lowerPath = path.toLowerCase();
  if (/\.csv(\.gz)?$/.test(lowerPath)) return 'candor-csv';
  if (!/\.jsonl(\.gz)?$/.test(lowerPath)) return 'candor-jsonl';
  for await (const { value } of readJsonLines(path)) {
    const looksLikeSpeechMap = isPlainObject(value) && 'category' in value && 'question' in value && !('text' in value);
    return looksLikeSpeechMap ? 'speechmap' : 'candor-jsonl';
  }
  return 'candor-jsonl';
}
