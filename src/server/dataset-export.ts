import { CandorError } from '../core/index.js';
import type { CandorStore } from '../store/index.js';
import type { QuestionCatalog } from './question-catalog.js';
import { toCsv } from './send-data.js';

/** Whole-dataset download formats: Candor's rows as JSONL or CSV, or SpeechMap's analysis rows (to share results back). */
export const EXPORT_FORMATS = ['jsonl', 'csv', 'speechmap'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function parseExportFormat(value: string | undefined): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(value ?? '')) return value as ExportFormat;
  throw new CandorError('bad_request', `format=${value ?? ''}: use one of ${EXPORT_FORMATS.join(', ')}`);
}

/** File name and content type of a download. */
export function exportFile(format: ExportFormat): { name: string; type: string } {
  if (format === 'csv') return { name: 'candor-answers.csv', type: 'text/csv; charset=utf-8' };
  return {
    name: format === 'jsonl' ? 'candor-answers.jsonl' : 'candor-speechmap-analysis.jsonl',
    type: 'application/x-ndjson; charset=utf-8',
  };
}

const CSV_COLUMNS = [
  'response_id',
  'model',
  'set',
  'question_id',
  'sample',
  'language',
  'country',
  'question',
  'status',
  'route',
  'received_at',
  'label',
  'judge',
  'text',
];

/**
 * Every current answer with its latest label (the explorer's default lens), no raw provider
 * payloads. `speechmap` writes rows like SpeechMap's analysis files (question_id, category,
 * question, model, response as a chat completion, judge_model, compliance, timestamp).
 */
export async function exportDataset(
  store: CandorStore,
  catalog: QuestionCatalog,
  format: ExportFormat,
): Promise<string> {
  const [responses, labels] = await Promise.all([store.listResponses({}), store.listLabelRows({})]);
  const byResponse = new Map(labels.map((row) => [row.responseId, row]));
  const rows = responses.map((response) => {
    const label = byResponse.get(response.responseId);
    const question = catalog.get(response.setName, response.questionId);
    return {
      response_id: response.responseId,
      model: response.modelId,
      set: response.setName,
      question_id: response.questionId,
      sample: response.sample,
      language: question?.language ?? null,
      country: question?.targetCountry ?? null,
      question: question?.text ?? null,
      status: response.status,
      route: response.upstreamRoute,
      received_at: response.receivedAt,
      label: label?.label ?? null,
      judge: label ? `${label.judgeId}@${label.judgeVersion}` : null,
      text: response.finalText,
    };
  });
  if (format === 'csv') return toCsv(rows, CSV_COLUMNS);
  if (format === 'jsonl') return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');
  return rows
    .filter((row) => row.label !== null)
    .map((row) =>
      JSON.stringify({
        question_id: row.question_id,
        category: row.set,
        question: row.question,
        model: row.model,
        response: {
          choices: [{ index: 0, message: { role: 'assistant', content: row.text }, finish_reason: null }],
          provider: row.route,
        },
        judge_model: row.judge,
        compliance: row.label,
        judge_analysis: null,
        timestamp: row.received_at,
      }),
    )
    .join('\n')
    .concat('\n');
}
