import type { Question } from '../core/index.js';
import type { GenerateRequest } from '../providers/index.js';
import { askUntilValid, type Validation } from './ask-until-valid.js';
import type { AuthoringEvent, AuthoringSummary } from './engine-events.js';
import type { AuthoringRunOptions } from './authoring-run-options.js';
import type { BatchWriter } from './create-batch-writer.js';
import { DEFAULT_RETRY_POLICY } from './execute-run.js';

/** One kind of authoring work: how to ask for an item, check the answer, and turn it into questions. */
export interface AuthoringTask<Item, Value> {
  items: readonly Item[];
  idOf: (item: Item) => string;
  buildRequest: (item: Item, feedback: string | null) => GenerateRequest;
  validate: (item: Item, answer: string) => Validation<Value>;
  toQuestions: (item: Item, value: Value) => Question[];
}

/**
 * The loop translate and generate share: each item is asked (concurrently) until its answer passes
 * validation or attempts run out, counted in the summary, and stored through the batch writer.
 * Ctrl-C stops starting items; what was accepted is still written.
 */
export async function authorEach<Item, Value>(
  task: AuthoringTask<Item, Value>,
  options: AuthoringRunOptions,
  context: { writer: BatchWriter; summary: AuthoringSummary; emit: (event: AuthoringEvent) => void },
): Promise<void> {
  const { writer, summary, emit } = context;
  try {
    await runConcurrently(
      task.items,
      options.concurrency ?? 4,
      async (item) => {
        const id = task.idOf(item);
        const outcome = await askUntilValid({
          model: options.model,
          buildRequest: (feedback) => task.buildRequest(item, feedback),
          validate: (answer) => task.validate(item, answer),
          maxAttempts: options.maxAttempts ?? 3,
          retry: options.retry ?? DEFAULT_RETRY_POLICY,
          limiter: options.limiter,
          signal: options.signal,
          onRejected: (attempt, reason) => emit({ type: 'rejected', id, attempt, reason }),
        });
        summary.requests += outcome.requests;
        summary.costUsd += outcome.costUsd;
        if (!outcome.ok) {
          summary.failed.push({ id, reasons: outcome.reasons });
          emit({ type: 'failed', id, reasons: outcome.reasons });
          return;
        }
        emit({ type: 'accepted', id, attempts: outcome.requests });
        await writer.add(task.toQuestions(item, outcome.value));
      },
      options.signal,
    );
  } catch (error) {
    if (!options.signal?.aborted) throw error;
  } finally {
    await writer.flush();
  }
}

/**
 * Runs `work` over the items with at most `concurrency` in flight. Once the signal aborts no new
 * item starts; items in flight finish. The first error thrown by `work` is rethrown after that.
 */
export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (next < items.length && !signal?.aborted && failure === null) {
      const item = items[next]!;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
