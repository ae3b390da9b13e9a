import type { Question } from '../core/index.js';
import { parseGeneratedPhrasings } from '../datasets/parse-generated-phrasings.js';
import { SPEECHMAP_PHRASINGS } from '../datasets/speechmap-phrasing.js';
import type { ThemeCatalogEntry } from '../datasets/theme-catalog-entry.js';
import type { AuthoringSummary } from './engine-events.js';
import type { AuthoringRunOptions } from './authoring-run-options.js';
import { authorEach } from './author-each.js';
import { createBatchWriter } from './create-batch-writer.js';
import { buildGenerationRequest } from './generation-request.js';

export interface GenerateQuestionSetOptions extends AuthoringRunOptions {
  themes: readonly ThemeCatalogEntry[];
  setName: string;
  /** Where the themes came from (catalog path), recorded as the set's source. */
  catalog: string;
}

/** The four questions of one theme, ids `<theme><1..4>` as in SpeechMap. */
export function themeQuestions(
  theme: ThemeCatalogEntry,
  prompts: readonly string[],
  setName: string,
  modelSpec: string,
): Question[] {
  return prompts.map((text, index) => ({
    setName,
    id: `${theme.id}${index + 1}`,
    text,
    domain: theme.domain,
    theme: theme.id,
    variation: String(index + 1),
    targetCountry: null,
    language: 'en',
    templateId: null,
    tags: [`generated-by:${modelSpec}`, `phrasing:${SPEECHMAP_PHRASINGS[index]}`],
    translationOf: null,
    translationKind: 'original',
  }));
}

/**
 * Turns a theme catalog into SpeechMap's four phrasings per theme through any provider. Each
 * answer is parsed and checked (parseGeneratedPhrasings) and asked again with the problems when
 * rejected. Resumable: themes whose four questions are stored already are skipped.
 */
export async function generateQuestionSet(options: GenerateQuestionSetOptions): Promise<AuthoringSummary> {
  const { store, themes, setName, modelSpec } = options;
  const emit = options.onEvent ?? (() => {});
  const storedIds = new Set((await store.getQuestions(setName)).map((question) => question.id));
  const pending = themes.filter(
    (theme) => !SPEECHMAP_PHRASINGS.every((_, index) => storedIds.has(`${theme.id}${index + 1}`)),
  );
  const alreadyDone = themes.length - pending.length;
  emit({ type: 'start', runId: null, setName, total: themes.length, alreadyDone, pending: pending.length });

  const writer = createBatchWriter(
    store,
    {
      name: setName,
      title: `SpeechMap-style phrasings generated from ${options.catalog} by ${modelSpec}`,
      source: options.catalog,
      format: 'candor-generated',
    },
    (options.batchSize ?? 5) * SPEECHMAP_PHRASINGS.length,
    (count, storedSoFar) => emit({ type: 'stored', count, storedSoFar }),
  );
  const summary: AuthoringSummary = {
    setName,
    total: themes.length,
    alreadyDone,
    stored: 0,
    failed: [],
    interrupted: false,
    requests: 0,
    costUsd: 0,
  };
  const settings = { maxTokens: options.maxTokens ?? 2048, temperature: options.temperature ?? null };

  await authorEach(
    {
      items: pending,
      idOf: (theme) => theme.id,
      buildRequest: (theme, feedback) => buildGenerationRequest(theme, feedback, settings),
      validate: (_theme, answer) => {
        const parsed = parseGeneratedPhrasings(answer);
        return parsed.ok ? { ok: true, value: parsed.prompts } : { ok: false, reason: parsed.problems.join('; ') };
      },
      toQuestions: (theme, prompts) => themeQuestions(theme, prompts, setName, modelSpec),
    },
    options,
    { writer, summary, emit },
  );
  summary.stored = writer.stored() / SPEECHMAP_PHRASINGS.length;
  summary.interrupted = options.signal?.aborted === true && summary.stored + summary.failed.length < pending.length;
  return summary;
}
