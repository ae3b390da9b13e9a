import type { Question, ResponseStatus, Run } from '../core/index.js';
import type { ProviderModel } from '../providers/index.js';
import type { CandorStore } from '../store/index.js';
import { ask, DEFAULT_RETRY_POLICY, planAsk, type RetryPolicy } from './ask.js';
import { toGenerateRequest, type CollectionSettings } from './collection-settings.js';
import { createOutcomeWriter, resultToStoredResponse } from './outcome-writer.js';
import { createQueueWorker, memoryWorkSource } from './leases.js';
import { planWork, workKey, type WorkItem } from './plan-work.js';
import type { TokenPrice } from './price-table.js';
import type { RateLimiter } from './rate-limiter.js';
import type { EngineEvent, RunExecutionSummary } from './engine-events.js';
import { checkGuards } from './run-guards.js';
import { watchDeterministicRefusals } from './watch-deterministic-refusals.js';

export interface ExecuteRunOptions {
  store: CandorStore;
  run: Run;
  settings: CollectionSettings;
  model: ProviderModel;
  questions: readonly Question[];
  concurrency: number;
  limiter?: RateLimiter;
  retry?: RetryPolicy;
  /** Stop before the spent plus the worst case of what is in flight would pass this. */
  maxCostUsd?: number | null;
  price?: TokenPrice | null;
  /** Without it, the first new truncation stops the run (raise --max-tokens or allow it). */
  allowTruncation?: boolean;
  /** Items to ask again even though they have an outcome (keys from workKey). */
  redo?: ReadonlySet<string>;
  /** Ctrl-C: stop starting requests, let those in flight finish and be stored. */
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** Group-commit tuning. */
  writer?: { maxBatch?: number; maxDelayMs?: number };
}

/**
 * Asks every pending (question, sample) of a run once, with bounded concurrency, the provider's
 * rate limits and retries for retryable failures only, and stores each outcome as it arrives.
 * Failures are data; only a store failure throws. Prints nothing: progress goes out as events.
 */
export async function executeRun(options: ExecuteRunOptions): Promise<RunExecutionSummary> {
  const started = performance.now();
  const { store, run, settings, model } = options;
  const emit = options.onEvent ?? (() => {});
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const drainSignal = options.signal;

  const current = await store.listOutcomeKeys(run.id);
  const done = new Set(current.map((key) => workKey(key.questionId, key.sample)));
  const plan = planWork(options.questions, settings.samples, done, options.redo);
  emit({
    type: 'start',
    runId: run.id,
    setName: run.setName,
    total: plan.total,
    pending: plan.items.length,
    alreadyDone: plan.alreadyDone,
  });
  await store.setRunState(run.id, 'running', null);

  const writer = createOutcomeWriter(store, options.writer);
  const refusals = watchDeterministicRefusals();
  const statusCounts: Partial<Record<ResponseStatus, number>> = {};
  const guards = { allowTruncation: Boolean(options.allowTruncation) };
  let stored = 0;
  let spent = 0;
  let reserved = 0;
  let stopDetail: string | null = null;
  let storeError: unknown = null;

  // The plan as an in-memory queue, drained by the same loop as `candor worker` drains the store's.
  const worker = createQueueWorker<WorkItem>({
    source: memoryWorkSource(plan.items),
    concurrency: Math.max(1, Math.min(options.concurrency, plan.items.length || 1)),
    untilEmpty: true,
    signal: drainSignal,
    emit: (event) => {
      // A local run tells only why it stopped (claims and idling are the queue's business).
      if (event.type !== 'stopping') return;
      stopDetail = event.detail;
      emit(event);
    },
    words: { interrupted: 'interrupted; requests in flight are finishing', empty: null },
  });
  const stop = worker.stop;

  const handle = async (item: WorkItem): Promise<void> => {
    const planned = planAsk(model, toGenerateRequest(settings, item.question.text), options.price ?? null);
    if (
      options.maxCostUsd !== null &&
      options.maxCostUsd !== undefined &&
      spent + reserved + planned.worstCostUsd > options.maxCostUsd
    ) {
      stop(
        'budget',
        `budget of $${options.maxCostUsd} reached ($${spent.toFixed(4)} spent, next request could cost $${planned.worstCostUsd.toFixed(4)})`,
      );
      await worker.giveBack(item);
      return;
    }
    reserved += planned.worstCostUsd;
    const answer = await ask(planned, {
      model,
      limiter: options.limiter,
      retry,
      price: options.price ?? null,
      signal: drainSignal,
      sleep: options.sleep,
      random: options.random,
      onRetry: (notice) =>
        emit({ type: 'retry', runId: run.id, questionId: item.question.id, sample: item.sample, ...notice }),
    });
    reserved -= planned.worstCostUsd;
    // Interrupted while waiting for a slot or a retry: no outcome; resume asks again.
    if (answer === null) return worker.finish(item);
    const { outcome, costUsd: cost, attempts } = answer;
    spent += cost ?? 0;
    let written: { inserted: boolean };
    // Wait for the (group) commit before taking the next item: a killed process then loses at
    // most the requests in flight, never an answer it already had.
    try {
      written = await writer.write(
        resultToStoredResponse(
          outcome,
          { runId: run.id, setName: run.setName, questionId: item.question.id, sample: item.sample },
          cost,
        ),
      );
    } catch (error) {
      storeError ??= error;
      stop('store_error', `could not store an outcome: ${(error as Error).message}`);
      return;
    }
    worker.finish(item);
    stored += 1;
    statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
    emit({
      type: 'outcome',
      runId: run.id,
      questionId: item.question.id,
      sample: item.sample,
      status: outcome.status,
      costUsd: cost,
      attempts,
      latencyMs: outcome.latencyMs,
      duplicate: !written.inserted,
    });
    const where = {
      runId: run.id,
      questionId: item.question.id,
      sample: item.sample,
      maxTokens: settings.maxTokens,
      queued: false,
    };
    const guard = checkGuards(outcome, guards, refusals, where);
    if (guard) stop(guard.reason, guard.detail);
  };

  const ran = await worker.run(handle, () => writer.flush());
  storeError ??= ran.failure;
  const stopReason = worker.stopReason();

  const after = await store.listOutcomeKeys(run.id);
  const haveOutcome = new Set(after.map((key) => workKey(key.questionId, key.sample)));
  const remaining = plan.items.filter((item) => !haveOutcome.has(workKey(item.question.id, item.sample))).length;
  const state =
    remaining === 0 && stopReason === null
      ? 'finished'
      : remaining === 0 && stopReason !== 'store_error'
        ? 'finished'
        : 'interrupted';
  await store.setRunState(run.id, state, state === 'finished' ? new Date().toISOString() : null);
  const summary: RunExecutionSummary = {
    runId: run.id,
    state,
    stopReason,
    stopDetail,
    statusCounts,
    stored,
    remaining,
    costUsd: spent,
    elapsedMs: performance.now() - started,
  };
  emit({ type: 'finish', summary });
  if (storeError) throw storeError;
  return summary;
}
