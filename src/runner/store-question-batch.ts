import type { Question, QuestionSet } from '../core/index.js';
import { hashQuestions } from '../datasets/index.js';
import type { CandorStore } from '../store/index.js';

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
