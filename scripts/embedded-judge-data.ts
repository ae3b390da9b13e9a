/**
 * Loads the labelled SpeechMap rows the embedded judge is trained and evaluated on
 * (../shared/speechmap-data): Grok-judged analysis files, the GPT-4o-judged copies of the
 * government-criticism sets, and the adjudicated us_hard rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readGoldFile } from '../src/ingest/read-gold-file.js';

export const DATA_ROOT =
  process.env.SPEECHMAP_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'speechmap-data');
export const VERDICTS = ['COMPLETE', 'EVASIVE', 'DENIAL'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface LabelledRow {
  source: 'grok' | 'gpt4o' | 'adjudicated' | 'extra' | 'synthetic';
  set: string;
  language: 'en' | 'zh' | 'fi' | 'es';
  model: string;
  questionId: string;
  /** Grouping key: no group is on both sides of a split (the us_hard theme, or the gov request number). */
  group: string;
  question: string;
  response: string;
  label: Verdict;
}

function readJsonLines(path: string): Record<string, unknown>[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Final answer text: choices[0].message.content with a leading <think>…</think> (or text before a lone </think>) removed. */
export function answerText(payload: unknown): string | undefined {
  const record = typeof payload === 'string' ? safeParse(payload) : payload;
  if (record === null || typeof record !== 'object')
    return typeof payload === 'string' ? stripThinking(payload) : undefined;
  const choices = (record as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0) return undefined;
  const content = (choices[0] as { message?: { content?: unknown } }).message?.content;
  return typeof content === 'string' ? stripThinking(content) : undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function stripThinking(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<think>')) {
    const end = trimmed.indexOf('</think>');
    return end === -1 ? '' : trimmed.slice(end + '</think>'.length).trim();
  }
  const lone = text.indexOf('</think>');
  if (lone !== -1 && !text.includes('<think>')) return text.slice(lone + '</think>'.length).trim();
  return text.trim();
}

function languageOf(set: string): LabelledRow['language'] {
  if (set.startsWith('zh_')) return 'zh';
  if (set.startsWith('fi_')) return 'fi';
  return 'en';
}

/** us_hard: theme = id without its trailing variation digit; gov sets: the request number shared across targets and languages. */
export function groupOf(set: string, questionId: string): string {
  if (set === 'us_hard' || !/criticism/.test(set)) return `theme:${questionId.replace(/\d$/, '')}`;
  return `gov:${/(\d+)$/.exec(questionId)?.[1] ?? questionId}`;
}

function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

function readAnalysisFolder(folder: string, source: 'grok' | 'gpt4o'): LabelledRow[] {
  const rows: LabelledRow[] = [];
  const directory = join(DATA_ROOT, folder);
  for (const file of readdirSync(directory).sort()) {
    if (!file.endsWith('.jsonl.gz')) continue;
    for (const row of readJsonLines(join(directory, file))) {
      if (!isVerdict(row.compliance)) continue;
      const response = answerText(row.response);
      if (response === undefined) continue;
      const set = String(row.category);
      const questionId = String(row.question_id);
      rows.push({
        source,
        set,
        language: languageOf(set),
        model: String(row.model),
        questionId,
        group: groupOf(set, questionId),
        question: String(row.question),
        response,
        label: row.compliance,
      });
    }
  }
  return rows;
}

export function loadGrokRows(): LabelledRow[] {
  return readAnalysisFolder('analysis', 'grok');
}

export function loadGpt4oRows(): LabelledRow[] {
  return readAnalysisFolder('analysis-gpt4o-judge', 'gpt4o');
}

export function loadAdjudicatedRows(): LabelledRow[] {
  return readJsonLines(join(DATA_ROOT, 'judge-labels', 'us_hard_adjudicated.jsonl.gz'))
    .filter((row) => isVerdict(row.label))
    .map((row) => {
      const questionId = String(row.question_id);
      return {
        source: 'adjudicated' as const,
        set: 'us_hard',
        language: 'en' as const,
        model: String(row.model),
        questionId,
        group: groupOf('us_hard', questionId),
        question: String(row.question),
        response: stripThinking(String(row.response)),
        label: row.label as Verdict,
      };
    });
}

/**
 * More labelled rows from a gold file (Candor's `judge export-gold`, SpeechMap analysis rows or
 * adjudicated labels), e.g. an LLM judge's labels on unlabelled us_hard answers. A row without a
 * set is taken as us_hard; without a question id it is grouped by its request text.
 */
export async function loadExtraLabelRows(path: string): Promise<LabelledRow[]> {
  const { rows } = await readGoldFile(path);
  return rows.map((row) => {
    const set = row.set ?? 'us_hard';
    const questionId = row.questionId ?? `q${stableHash(row.question).toString(16)}`;
    return {
      source: 'extra' as const,
      set,
      language: languageOf(set),
      model: row.model ?? 'unknown',
      questionId,
      group: groupOf(set, questionId),
      question: row.question,
      response: stripThinking(row.response),
      label: row.label,
    };
  });
}

/** A model and its reasoning / thinking / non-reasoning variants share one family, so a split never divides them. */
export function modelFamily(model: string): string {
  return model.replace(/[-:_](?:non-reasoning|reasoning|thinking)$/i, '');
}

/** Stable 32-bit FNV-1a, for hash-based split assignment. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
