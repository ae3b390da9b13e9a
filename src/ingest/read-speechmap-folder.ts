import type { z } from 'zod';
import { InputError, type Judgment, type Question, type StoredResponse } from '../core/index.js';
import { readJsonLines } from '../datasets/read-json-lines.js';
import { readSpeechMapQuestions } from '../datasets/read-speechmap-questions.js';
import type { QuestionSetInput } from '../datasets/question-set-input.js';
import { findSpeechMapFiles, setNameOfFile } from './find-speechmap-files.js';
import {
  mapSpeechMapLabel,
  normalizeTimestamp,
  type SpeechMapAnalysisRow,
  speechMapAnalysisRowSchema,
  type SpeechMapResponseRow,
  speechMapResponseRowSchema,
  speechMapRowToResponse,
} from './speechmap-row-to-response.js';

/** One outcome to store, with the verdict that came with it (analysis rows). */
export interface PlannedResponse {
  response: StoredResponse;
  modelId: string;
  apiProvider: string | null;
  judgment: Omit<Judgment, 'responseId'> | null;
}

/** Everything a SpeechMap folder holds, read and validated, not yet written. */
export interface SpeechMapImportPlan {
  root: string;
  sets: QuestionSetInput[];
  /** Questions that responses refer to but no questions/ file lists. */
  extraQuestions: Question[];
  entries: PlannedResponse[];
  files: number;
}

export interface ReadSpeechMapOptions {
  /** Only these sets (default: all). */
  includeSet?: (setName: string) => boolean;
  onFile?: (event: { file: string; index: number; total: number }) => void;
}

/** The version every imported SpeechMap judgment gets: their judges' prompts are not ours to hash. */
export const SPEECHMAP_JUDGE_VERSION = 'speechmap';

function formatIssue(error: z.ZodError): { field: string; problem: string } {
  const issue = error.issues[0]!;
  return { field: issue.path.join('.') || '(row)', problem: issue.message };
}

function parseRow<T>(schema: z.ZodType<T>, value: unknown, file: string, line: number): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, problem } = formatIssue(parsed.error);
    throw new InputError({ file, line, field }, problem);
  }
  return parsed.data;
}

/**
 * Reads a SpeechMap data folder completely (questions, responses, every analysis* folder),
 * validating as it goes. Throws an InputError naming file, line and field at the first bad row.
 */
export async function readSpeechMapFolder(
  root: string,
  options: ReadSpeechMapOptions = {},
): Promise<SpeechMapImportPlan> {
  const files = findSpeechMapFiles(root);
  const include = options.includeSet ?? (() => true);
  const allFiles = [...files.questions, ...files.responses, ...files.analysis.flatMap((entry) => entry.files)];
  let fileIndex = 0;
  const tick = (file: string) => options.onFile?.({ file, index: ++fileIndex, total: allFiles.length });

  const sets: QuestionSetInput[] = [];
  for (const file of files.questions) {
    tick(file);
    const input = await readSpeechMapQuestions(file);
    if (include(input.set.name)) sets.push(input);
  }
  const knownSets = sets.map((input) => input.set.name);
  const questionKeys = new Set(
    sets.flatMap((input) => input.questions.map((question) => `${question.setName}\u0000${question.id}`)),
  );
  const languageOfSet = new Map(sets.map((input) => [input.set.name, input.questions[0]?.language ?? 'en']));
  const extraQuestions: Question[] = [];
  const entries: PlannedResponse[] = [];

  const noteQuestion = (row: SpeechMapResponseRow) => {
    const key = `${row.category}\u0000${row.question_id}`;
    if (questionKeys.has(key)) return;
    questionKeys.add(key);
    extraQuestions.push({
      setName: row.category,
      id: row.question_id,
      text: row.question,
      domain: row.domain ?? null,
      theme: null,
      variation: null,
      targetCountry: null,
      language: languageOfSet.get(row.category) ?? 'en',
      templateId: null,
      tags: ['from-responses'],
      translationOf: null,
      translationKind: 'unknown',
    });
  };

  const skipFile = (file: string) => {
    const setName = setNameOfFile(file, knownSets);
    return setName === null ? false : !include(setName);
  };

  for (const file of files.responses) {
    tick(file);
    if (skipFile(file) && options.includeSet) continue;
    for await (const { line, value } of readJsonLines(file)) {
      const row = parseRow<SpeechMapResponseRow>(speechMapResponseRowSchema, value, file, line);
      if (!include(row.category)) continue;
      noteQuestion(row);
      entries.push({
        response: speechMapRowToResponse(row, { timestampIsResponseTime: true }),
        modelId: row.model,
        apiProvider: row.api_provider ?? null,
        judgment: null,
      });
    }
  }

  for (const { files: analysisFiles } of files.analysis) {
    for (const file of analysisFiles) {
      tick(file);
      if (skipFile(file) && options.includeSet) continue;
      for await (const { line, value } of readJsonLines(file)) {
        const row = parseRow<SpeechMapAnalysisRow>(speechMapAnalysisRowSchema, value, file, line);
        if (!include(row.category)) continue;
        const label = mapSpeechMapLabel(row.compliance);
        if (label === null) {
          throw new InputError({ file, line, field: 'compliance' }, `unknown label "${row.compliance}"`);
        }
        const judgedAt = normalizeTimestamp(row.timestamp);
        if (judgedAt === null) throw new InputError({ file, line, field: 'timestamp' }, 'expected an ISO timestamp');
        noteQuestion(row);
        entries.push({
          response: speechMapRowToResponse(row, { timestampIsResponseTime: false }),
          modelId: row.model,
          apiProvider: row.original_api_provider ?? row.api_provider ?? null,
          judgment: {
            judgeId: row.judge_model,
            judgeVersion: SPEECHMAP_JUDGE_VERSION,
            promptHash: null,
            label,
            explanation: row.judge_analysis ?? null,
            rawOutput: row.raw_judge_response ?? null,
            judgedAt,
            source: 'import',
            note: null,
          },
        });
      }
    }
  }
  return { root, sets, extraQuestions, entries, files: allFiles.length };
}
