import type { Question, QuestionSet } from '../core/index.js';
import type { CandorStore } from '../store/index.js';
import { hashQuestions } from '../datasets/index.js';

export interface BatchWriter {
  /** Queues accepted questions; writes a batch once `batchSize` are waiting. */
  add(questions: readonly Question[]): Promise<void>;
  /** Writes whatever is waiting. */
  flush(): Promise<void>;
  /** Questions written so far. */
  stored(): number;
}

/** Collects accepted questions and writes them to the store in batches, one write at a time, so an interruption loses at most one batch. */
export function createBatchWriter(
  store: CandorStore,
  set: Omit<QuestionSet, 'contentHash'>,
  batchSize: number,
  onStored?: (count: number, storedSoFar: number) => void,
): BatchWriter {
  let waiting: Question[] = [];
  let storedCount = 0;
  let chain: Promise<void> = Promise.resolve();
  const write = (): Promise<void> => {
    const batch = waiting;
    waiting = [];
    chain = chain.then(async () => {
      if (batch.length === 0) return;
      await storeQuestionBatch(store, set, batch);
      storedCount += batch.length;
      onStored?.(batch.length, storedCount);
    });
    return chain;
  };
  return {
    add(questions) {
      waiting.push(...questions);
      return waiting.length >= batchSize ? write() : chain;
    },
    flush: write,
    stored: () => storedCount,
  };
}

/**
 * Adds a batch of questions to a set in one transaction (all or nothing), keeping the set's
 * content hash that of every question it holds afterwards.
 */
export async function storeQuestionBatch(
  store: CandorStore,
  set: Omit<QuestionSet, 'contentHash'>,
  batch: readonly Question[],
): Promise<void> {
  if (batch.length === 0) return;
  const byId = new Map((await store.getQuestions(set.name)).map((question) => [question.id, question]));
  for (const question of batch) byId.set(question.id, question);
  const contentHash = hashQuestions([...byId.values()]);
  await store.transaction((writer) => writer.putQuestionSet({ ...set, contentHash }, batch));
}
