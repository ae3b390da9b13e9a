import type { Question, QuestionSet } from '../core/index.js';
import type { CandorStore } from '../store/index.js';
import { storeQuestionBatch } from './store-question-batch.js';

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
