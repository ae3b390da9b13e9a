import { creatorOf, type QuestionSet, type Run } from '../core/index.js';
import { hashQuestions } from '../datasets/assemble-question-set.js';
import type { StoreHandle } from '../store/index.js';
import { readSpeechMapFolder, type ReadSpeechMapOptions, type SpeechMapImportPlan } from './read-speechmap-folder.js';

/** What an import changed; all zeros on a second import of the same data. */
export interface SpeechMapImportSummary {
  files: number;
  sets: number;
  questions: { inserted: number; updated: number; unchanged: number };
  models: { inserted: number };
  runs: { inserted: number };
  /** unchanged: stored before this import; repeated: the same response again within this import's files. */
  responses: { read: number; inserted: number; unchanged: number; repeated: number };
  judgments: { read: number; inserted: number; unchanged: number };
  statuses: Record<string, number>;
}

export interface ImportSpeechMapOptions extends ReadSpeechMapOptions {
  onWrite?: (event: { done: number; total: number }) => void;
  now?: () => string;
}

/**
 * Imports a SpeechMap data folder: reads and validates everything first, then writes it in one
 * transaction, so a bad row anywhere leaves the store unchanged. Idempotent.
 */
export async function importSpeechMap(
  store: Pick<StoreHandle, 'transaction'>,
  root: string,
  options: ImportSpeechMapOptions = {},
): Promise<SpeechMapImportSummary> {
  const plan = await readSpeechMapFolder(root, options);
  return writeSpeechMapPlan(store, plan, options);
}

function runsOf(plan: SpeechMapImportPlan, now: string): Run[] {
  const runs = new Map<string, Run & { routes: Set<string>; firstSeen: string | null }>();
  const hashBySet = new Map(plan.sets.map((input) => [input.set.name, input.set.contentHash]));
  for (const entry of plan.entries) {
    const { runId, setName, receivedAt } = entry.response;
    let run = runs.get(runId);
    if (!run) {
      run = {
        id: runId,
        modelId: entry.modelId,
        provider: 'speechmap-import',
        providerRoute: null,
        setName,
        settings: {},
        provenance: { importedFrom: plan.root, source: 'speechmap-data', datasetHash: hashBySet.get(setName) ?? null },
        state: 'finished',
        createdAt: now,
        finishedAt: now,
        routes: new Set(),
        firstSeen: null,
      };
      runs.set(runId, run);
    }
    if (entry.apiProvider) run.routes.add(entry.apiProvider.toLowerCase());
    if (receivedAt && (run.firstSeen === null || receivedAt < run.firstSeen)) run.firstSeen = receivedAt;
  }
  return [...runs.values()].map(({ routes, firstSeen, ...run }) => ({
    ...run,
    providerRoute: routes.size === 1 ? [...routes][0]! : routes.size > 1 ? [...routes].sort().join('|') : null,
    createdAt: firstSeen ?? now,
  }));
}

/** Writes a read plan in one transaction. */
export async function writeSpeechMapPlan(
  store: Pick<StoreHandle, 'transaction'>,
  plan: SpeechMapImportPlan,
  options: ImportSpeechMapOptions = {},
): Promise<SpeechMapImportSummary> {
  const now = (options.now ?? (() => new Date().toISOString()))();
  const summary: SpeechMapImportSummary = {
    files: plan.files,
    sets: 0,
    questions: { inserted: 0, updated: 0, unchanged: 0 },
    models: { inserted: 0 },
    runs: { inserted: 0 },
    responses: { read: plan.entries.length, inserted: 0, unchanged: 0, repeated: 0 },
    judgments: { read: 0, inserted: 0, unchanged: 0 },
    statuses: {},
  };
  await store.transaction(async (writer) => {
    const addQuestions = (result: { inserted: number; updated: number; unchanged: number }) => {
      summary.questions.inserted += result.inserted;
      summary.questions.updated += result.updated;
      summary.questions.unchanged += result.unchanged;
    };
    const setsByName = new Map<string, QuestionSet>();
    for (const input of plan.sets) {
      setsByName.set(input.set.name, input.set);
      addQuestions(await writer.putQuestionSet(input.set, input.questions));
    }
    const extraBySet = new Map<string, typeof plan.extraQuestions>();
    for (const question of plan.extraQuestions) {
      extraBySet.set(question.setName, [...(extraBySet.get(question.setName) ?? []), question]);
    }
    for (const [setName, questions] of extraBySet) {
      const set = setsByName.get(setName) ?? {
        name: setName,
        title: null,
        source: plan.root,
        format: 'speechmap-responses',
        contentHash: hashQuestions(questions),
      };
      addQuestions(await writer.putQuestionSet(set, questions));
    }
    summary.sets = new Set([...setsByName.keys(), ...extraBySet.keys()]).size;

    const models = new Set(plan.entries.map((entry) => entry.modelId));
    for (const modelId of [...models].sort()) {
      const result = await writer.putModel({
        id: modelId,
        creator: creatorOf(modelId),
        family: null,
        releaseDate: null,
        reasoning: null,
      });
      if (result.inserted) summary.models.inserted += 1;
    }
    for (const run of runsOf(plan, now)) {
      if (await writer.putRun(run)) summary.runs.inserted += 1;
    }

    // A response met again after this import stored it is a repeat within the input, not one seen before.
    const insertedNow = new Set<number>();
    const chunkSize = 2000;
    for (let start = 0; start < plan.entries.length; start += chunkSize) {
      const chunk = plan.entries.slice(start, start + chunkSize);
      const stored = await writer.putResponses(chunk.map((entry) => entry.response));
      const judgments = [];
      for (const [index, entry] of chunk.entries()) {
        const result = stored[index]!;
        if (result.inserted) {
          insertedNow.add(result.responseId);
          summary.responses.inserted += 1;
          summary.statuses[entry.response.status] = (summary.statuses[entry.response.status] ?? 0) + 1;
        } else if (insertedNow.has(result.responseId)) {
          summary.responses.repeated += 1;
        } else {
          summary.responses.unchanged += 1;
        }
        if (entry.judgment) judgments.push({ ...entry.judgment, responseId: result.responseId });
      }
      const judged = await writer.putJudgments(judgments);
      summary.judgments.read += judged.length;
      for (const result of judged) {
        if (result.inserted) summary.judgments.inserted += 1;
        else summary.judgments.unchanged += 1;
      }
      options.onWrite?.({ done: start + chunk.length, total: plan.entries.length });
    }
  });
  return summary;
}
