import { InputError, isJudgmentLabel, type VerdictLabel } from '../core/index.js';
import { readJsonLines } from '../datasets/read-json-lines.js';
import { classifyChatCompletion } from '../providers/openai-compatible/classify-chat-completion.js';
import { mapSpeechMapLabel } from './speechmap-row-to-response.js';

/** One gold row: a request, the response text, and the label it should get. */
export interface GoldRow {
  question: string;
  response: string;
  label: VerdictLabel;
  model: string | null;
  set: string | null;
  questionId: string | null;
  line: number;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Reads a gold file (JSONL or .jsonl.gz) in any of: SpeechMap analysis rows (`compliance` is the
 * gold label, `response` the provider payload), SpeechMap's adjudicated labels (`label`,
 * `response` text), or Candor's own gold export (`label`, `response`). Rows whose gold is an
 * error label are skipped (they are not verdicts); anything else malformed is an error naming the line.
 */
export async function readGoldFile(path: string): Promise<{ rows: GoldRow[]; skipped: number }> {
  const rows: GoldRow[] = [];
  let skipped = 0;
  for await (const { line, value } of readJsonLines(path)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new InputError({ file: path, line }, 'expected a JSON object');
    }
    const row = value as Record<string, unknown>;
    const question = text(row['question']);
    if (question === null) throw new InputError({ file: path, line, field: 'question' }, 'expected a string');
    const rawLabel = text(row['compliance']) ?? text(row['label']) ?? text(row['gold_label']);
    if (rawLabel === null)
      throw new InputError({ file: path, line, field: 'label' }, 'expected a label (field "label" or "compliance")');
    const label = mapSpeechMapLabel(rawLabel);
    if (label === null || !isJudgmentLabel(label))
      throw new InputError({ file: path, line, field: 'label' }, `unknown label "${rawLabel}"`);
    if (label.startsWith('ERROR')) {
      skipped += 1;
      continue;
    }
    let response = text(row['response']);
    if (response === null && row['response'] && typeof row['response'] === 'object') {
      const classified = classifyChatCompletion({ httpStatus: null, body: row['response'] });
      if (classified.status !== 'success' || classified.finalText === null) {
        skipped += 1;
        continue;
      }
      response = classified.finalText;
    }
    if (response === null)
      throw new InputError({ file: path, line, field: 'response' }, 'expected the response text or payload');
    rows.push({
      question,
      response,
      label: label as VerdictLabel,
      model: text(row['model']),
      set: text(row['category']) ?? text(row['set']),
      questionId: text(row['question_id']),
      line,
    });
  }
  if (rows.length === 0) throw new InputError({ file: path }, 'no gold rows with a COMPLETE, EVASIVE or DENIAL label');
  return { rows, skipped };
}
