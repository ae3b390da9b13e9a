import { CandorError, type Question, type QuestionSet } from '../core/index.js';
import { findBuiltinSet } from '../datasets/index.js';
import { checkTranslation } from '../datasets/check-translation.js';
import type { AuthoringSummary } from './engine-events.js';
import type { AuthoringRunOptions } from './authoring-run-options.js';
import { authorEach } from './author-each.js';
import { createBatchWriter } from './create-batch-writer.js';
import { languageName, buildTranslationRequest } from './translation-request.js';

export interface TranslateQuestionSetOptions extends AuthoringRunOptions {
  source: { set: QuestionSet; questions: readonly Question[] };
  /** Normalized BCP 47 tag. */
  targetLanguage: string;
  /** Default `<lang>_<source set>`. */
  targetSetName?: string;
}

/** The name a translation of `setName` into `language` gets: `<lang>_<set>`. */
export function translationSetName(language: string, setName: string): string {
  return `${language}_${setName}`;
}

/**
 * Machine-translates every question of a set through any provider into `<lang>_<set>`: same ids,
 * `translationOf` the source question, `translationKind: 'machine'`, tag `translated-by:<spec>`.
 * Each answer is checked (checkTranslation) and asked again with the reason when rejected.
 * Resumable: ids already in the target set are skipped. Stored in batches.
 */
export async function translateQuestionSet(options: TranslateQuestionSetOptions): Promise<AuthoringSummary> {
  const { store, source, targetLanguage, modelSpec } = options;
  const setName = options.targetSetName ?? translationSetName(targetLanguage, source.set.name);
  const emit = options.onEvent ?? (() => {});
  if (setName === source.set.name)
    throw new CandorError(
      'translation_target_is_source',
      `the translation would overwrite its source set "${setName}"; pass another --set-name`,
    );
  const existing = await store.getQuestions(setName);
  if (existing.length === 0 && findBuiltinSet(setName)) {
    throw new CandorError(
      'translation_target_builtin',
      `"${setName}" is a built-in set; pass --set-name (e.g. ${setName}_mt) so the machine translation does not mix with it`,
    );
  }
  const foreign = existing.find((question) => question.translationOf?.setName !== source.set.name);
  if (foreign) {
    throw new CandorError(
      'translation_target_conflict',
      `set "${setName}" already holds "${foreign.id}", which is not a translation of "${source.set.name}"; pass another --set-name`,
    );
  }

  const done = new Set(existing.map((question) => question.id));
  const pending = source.questions.filter((question) => !done.has(question.id));
  const alreadyDone = source.questions.length - pending.length;
  emit({ type: 'start', runId: null, setName, total: source.questions.length, alreadyDone, pending: pending.length });

  const tag = `translated-by:${modelSpec}`;
  const writer = createBatchWriter(
    store,
    {
      name: setName,
      title: `${source.set.title ?? source.set.name} in ${languageName(targetLanguage)} (machine translation by ${modelSpec})`,
      source: `machine translation of set ${source.set.name} by ${modelSpec}`,
      format: 'candor-translation',
    },
    options.batchSize ?? 20,
    (count, storedSoFar) => emit({ type: 'stored', count, storedSoFar }),
  );
  const summary: AuthoringSummary = {
    setName,
    total: source.questions.length,
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
      idOf: (question) => question.id,
      buildRequest: (question, feedback) => buildTranslationRequest(question, targetLanguage, feedback, settings),
      validate: (question, answer) => {
        const check = checkTranslation({
          source: question.text,
          sourceLanguage: question.language,
          targetLanguage,
          output: answer,
        });
        return check.ok ? { ok: true, value: check.text } : check;
      },
      toQuestions: (question, text) => [
        {
          ...question,
          setName,
          text,
          language: targetLanguage,
          tags: [...question.tags.filter((existingTag) => !existingTag.startsWith('translated-by:')), tag],
          translationOf: { setName: source.set.name, id: question.id },
          translationKind: 'machine',
        },
      ],
    },
    options,
    { writer, summary, emit },
  );
  summary.stored = writer.stored();
  summary.interrupted = options.signal?.aborted === true && summary.stored + summary.failed.length < pending.length;
  return summary;
}
