import type { Question } from '../core/index.js';
import type { GenerateRequest } from '../providers/index.js';
import { askUntilValid, type Validation } from './ask-until-valid.js';
import { DEFAULT_RETRY_POLICY } from './ask.js';
import type { AuthoringRunOptions } from './authoring-run-options.js';
import { withExtraBody } from './collection-settings.js';
import type { BatchWriter } from './create-batch-writer.js';
import type { AuthoringSummary, EngineEvent } from './engine-events.js';
import { createQueueWorker, memoryWorkSource } from './leases.js';

/** One kind of authoring work: how to ask for an item, check the answer, and turn it into questions. */
export interface AuthoringTask<Item, Value> {
  items: readonly Item[];
  idOf: (item: Item) => string;
  buildRequest: (item: Item, feedback: string | null) => GenerateRequest;
  validate: (item: Item, answer: string) => Validation<Value>;
  toQuestions: (item: Item, value: Value) => Question[];
}

/**
 * The loop translate and generate share: the items are an in-memory queue drained by the same
 * loop as runs, judging and `candor worker` (leases.ts). Each item is asked until its answer passes
 * validation or attempts run out, counted in the summary, and stored through the batch writer.
 * Ctrl-C stops starting items and cancels those in flight; what was accepted is still written.
 */
export async function authorEach<Item, Value>(
  task: AuthoringTask<Item, Value>,
  options: AuthoringRunOptions,
  context: { writer: BatchWriter; summary: AuthoringSummary; emit: (event: EngineEvent) => void },
): Promise<void> {
  const { writer, summary, emit } = context;
  const { signal } = options;
  const worker = createQueueWorker<Item>({
    source: memoryWorkSource(task.items),
    concurrency: Math.max(1, Math.min(options.concurrency ?? 4, task.items.length || 1)),
    untilEmpty: true,
    signal,
    emit: (event) => {
      // Authoring tells only why it stopped (claims and idling are the queue's business).
      if (event.type === 'stopping') emit(event);
    },
    words: { interrupted: 'interrupted; answers in flight are cancelled, accepted ones are stored', empty: null },
  });

  const handle = async (item: Item): Promise<void> => {
    const id = task.idOf(item);
    let outcome;
    try {
      outcome = await askUntilValid({
        model: options.model,
        buildRequest: (feedback) => withExtraBody(task.buildRequest(item, feedback), options.extraBody),
        validate: (answer) => task.validate(item, answer),
        maxAttempts: options.maxAttempts ?? 3,
        retry: options.retry ?? DEFAULT_RETRY_POLICY,
        limiter: options.limiter,
        signal,
        onRejected: (attempt, reason) => emit({ type: 'rejected', id, attempt, reason }),
      });
    } catch (error) {
      // Cancelled by Ctrl-C: nothing to store for this item; the next call asks it again.
      if (signal?.aborted) return worker.finish(item);
      throw error;
    }
    summary.requests += outcome.requests;
    summary.costUsd += outcome.costUsd;
    if (!outcome.ok) {
      summary.failed.push({ id, reasons: outcome.reasons });
      emit({ type: 'failed', id, reasons: outcome.reasons });
      return worker.finish(item);
    }
    emit({ type: 'accepted', id, attempts: outcome.requests });
    await writer.add(task.toQuestions(item, outcome.value));
    worker.finish(item);
  };

  // What was accepted is written whatever stopped the loop; a failure is thrown after that.
  const { failure } = await worker.run(handle, () => writer.flush());
  if (failure && !signal?.aborted) throw failure;
}
