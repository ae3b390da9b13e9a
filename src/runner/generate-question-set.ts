import type { Question } from '../core/index.js';
import { parseGeneratedPhrasings } from '../datasets/parse-generated-phrasings.js';
import { SPEECHMAP_PHRASINGS } from '../datasets/speechmap-phrasing.js';
import type { ThemeCatalogEntry } from '../datasets/theme-catalog-entry.js';
import { askUntilValid } from './ask-until-valid.js';
import type { AuthoringSummary } from './authoring-events.js';
import type { AuthoringRunOptions } from './authoring-run-options.js';
import { DEFAULT_RETRY_POLICY } from './execute-run.js';
import { createBatchWriter } from './create-batch-writer.js';
import { buildGenerationRequest } from './generation-request.js';
import { runConcurrently } from './run-concurrently.js';

export interface GenerateQuestionSetOptions extends AuthoringRunOptions {
  themes: readonly ThemeCatalogEntry[];
  setName: string;
  /** Where the themes came from (catalog path), recorded as the set's source. */
  catalog: string;
}


/** The four questions of one theme, ids `<theme><1..4>` as in SpeechMap. */
export function themeQuestions(theme: ThemeCatalogEntry, prompts: readonly string[], setName: string, modelSpec: string): Question[] {
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
  const { store, themes, setName, model, modelSpec } = options;
  const emit = options.onEvent ?? (() => {});
  const storedIds = new Set((await store.getQuestions(setName)).map((question) => question.id));
  const pending = themes.filter((theme) => !SPEECHMAP_PHRASINGS.every((_, index) => storedIds.has(`${theme.id}${index + 1}`)));
  const alreadyDone = themes.length - pending.length;
  emit({ type: 'start', setName, total: themes.length, alreadyDone, pending: pending.length });

  const writer = createBatchWriter(
    store,
    { name: setName, title: `SpeechMap-style phrasings generated from ${options.catalog} by ${modelSpec}`, source: options.catalog, format: 'candor-generated' },
    (options.batchSize ?? 5) * SPEECHMAP_PHRASINGS.length,
    (count, storedSoFar) => emit({ type: 'stored', count, storedSoFar }),
  );
  const summary: AuthoringSummary = { setName, total: themes.length, alreadyDone, stored: 0, failed: [], interrupted: false, requests: 0, costUsd: 0 };
  const settings = { maxTokens: options.maxTokens ?? 2048, temperature: options.temperature ?? null };

  try {
    await runConcurrently(
      pending,
      options.concurrency ?? 4,
      async (theme) => {
        const outcome = await askUntilValid({
          model,
          buildRequest: (feedback) => buildGenerationRequest(theme, feedback, settings),
          validate: (answer) => {
            const parsed = parseGeneratedPhrasings(answer);
            return parsed.ok ? { ok: true, value: parsed.prompts } : { ok: false, reason: parsed.problems.join('; ') };
          },
          maxAttempts: options.maxAttempts ?? 3,
          retry: options.retry ?? DEFAULT_RETRY_POLICY,
          limiter: options.limiter,
          signal: options.signal,
          onRejected: (attempt, reason) => emit({ type: 'rejected', id: theme.id, attempt, reason }),
        });
        summary.requests += outcome.requests;
        summary.costUsd += outcome.costUsd;
        if (!outcome.ok) {
          summary.failed.push({ id: theme.id, reasons: outcome.reasons });
          emit({ type: 'failed', id: theme.id, reasons: outcome.reasons });
          return;
        }
        emit({ type: 'accepted', id: theme.id, attempts: outcome.requests });
        await writer.add(themeQuestions(theme, outcome.value, setName, modelSpec));
      },
      options.signal,
    );
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  } finally {
    await writer.flush();
  }
  summary.stored = writer.stored() / SPEECHMAP_PHRASINGS.length;
  summary.interrupted = options.signal?.aborted === true && summary.stored + summary.failed.length < pending.length;
  return summary;
}
