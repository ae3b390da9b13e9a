import { createQueueWorker, storeWorkSource } from './leases.js';
import type { ResponseStatus, StoredResponse } from '../core/index.js';
import type { CandorStore, ClaimedWorkItem } from '../store/index.js';
import { ask, DEFAULT_RETRY_POLICY, planAsk, type RetryPolicy } from './ask.js';
import { toGenerateRequest } from './collection-settings.js';
import { createOutcomeWriter, resultToStoredResponse } from './outcome-writer.js';
import { checkGuards, runGuardsOf } from './run-guards.js';
import { createRunHalts } from './run-halts.js';
import { watchDeterministicRefusals, type RefusalWatch } from './watch-deterministic-refusals.js';
import type { EngineEvent, WorkerSummary } from './engine-events.js';
import { createRunContextCache, type CreateWorkerModel } from './worker-run-context.js';

export interface RunWorkerOptions {
  store: CandorStore;
  /** Unique per worker process, e.g. host:pid:random. */
  owner: string;
  createModel: CreateWorkerModel;
  /** Requests in flight at once in this worker. */
  concurrency: number;
  /** A dead worker's items return to the queue this long after its last heartbeat. */
  leaseMs?: number;
  heartbeatMs?: number;
  /** Wait between claims while the queue is empty. */
  pollMs?: number;
  /** Stop once no item is queued or leased (otherwise wait for new work until the signal). */
  untilEmpty?: boolean;
  /** Only items of this run. */
  runId?: string;
  retry?: RetryPolicy;
  /** Ctrl-C: stop claiming, give back what has not started, let requests in flight finish and be stored. */
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  writer?: { maxBatch?: number; maxDelayMs?: number };
}

const itemKey = (runId: string, questionId: string, sample: number) => `${runId}\u0000${questionId}\u0000${sample}`;

/**
 * One worker of a distributed run: claims work items with leases, asks the model (shared rate
 * limit, retries), and stores each outcome and marks its item done in one transaction. Any number
 * of workers, on any machines, may share the store; each (run, question, sample) gets one outcome.
 */
export async function runWorker(options: RunWorkerOptions): Promise<WorkerSummary> {
  const started = performance.now();
  const { store, owner, signal } = options;
  const emit = options.onEvent ?? (() => {});
  const leaseMs = options.leaseMs ?? 60_000;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const contextOf = createRunContextCache(store, options.createModel);
  const itemIds = new Map<string, number>();
  const refusalWatches = new Map<string, RefusalWatch>();
  const writer = createOutcomeWriter(
    {
      putResponses: (responses) =>
        store.finishWork(
          responses.map((response) => ({
            itemId: itemIds.get(itemKey(response.runId, response.questionId, response.sample))!,
            response,
          })),
        ),
    },
    options.writer,
  );
  const statusCounts: Partial<Record<ResponseStatus, number>> = {};
  const touchedRuns = new Set<string>();
  let stored = 0;
  let duplicates = 0;
  let storeError: unknown = null;
  const source = storeWorkSource<ClaimedWorkItem>({
    store,
    owner,
    leaseMs,
    heartbeatMs: options.heartbeatMs,
    onLost: (itemIds) => emit({ type: 'lease_lost', itemIds }),
    claim: (limit) => store.claimWork({ owner, limit, leaseMs, runId: options.runId }),
    // Items of halted runs stay queued but no worker takes them: they do not keep --until-empty waiting.
    queueIsEmpty: async () => {
      const counts = await store.countWork({
        kind: 'collect',
        claimableOnly: true,
        ...(options.runId !== undefined ? { runId: options.runId } : {}),
      });
      return counts.queued === 0 && counts.leased === 0;
    },
  });
  const worker = createQueueWorker<ClaimedWorkItem>({
    source,
    concurrency: options.concurrency,
    pollMs: options.pollMs,
    untilEmpty: options.untilEmpty,
    signal,
    emit,
    words: {
      interrupted: 'interrupted; requests in flight are finishing, the rest goes back to the queue',
      empty: 'no work left',
    },
  });
  const stop = worker.stop;
  // A guard halts a run for every worker; a worker given --run stops with it.
  const halts = createRunHalts(store, (halt) => {
    emit({ type: 'run_halted', ...halt });
    if (options.runId === halt.runId) stop('guard', `run ${halt.runId} halted (${halt.reason}): ${halt.detail}`);
  });
  const giveBack = worker.giveBack;

  const handle = async (item: ClaimedWorkItem): Promise<void> => {
    const context = await contextOf(item.runId);
    const question = context.questions.get(item.questionId);
    if (!question) {
      emit({
        type: 'skipped',
        itemId: item.itemId,
        detail: `question ${item.questionId} is not in set ${context.run.setName}`,
      });
      return;
    }
    const guards = runGuardsOf(context.settings);
    const price = guards.price ?? context.price;
    const planned = planAsk(context.model, toGenerateRequest(context.settings, question.text), price);
    const worstCost = planned.worstCostUsd;
    if (halts.isHalted(item.runId) || !(await halts.reserve(item.runId, guards, worstCost))) {
      await giveBack(item);
      return;
    }
    const answer = await ask(planned, {
      model: context.model,
      limiter: context.limiter,
      retry,
      price,
      signal,
      sleep: options.sleep,
      random: options.random,
      onRetry: (notice) =>
        emit({ type: 'retry', runId: item.runId, questionId: item.questionId, sample: item.sample, ...notice }),
    });
    if (answer === null) {
      // Interrupted while waiting for a slot or a retry: the item goes back to the queue.
      halts.settle(item.runId, worstCost);
      await giveBack(item);
      return;
    }
    const { outcome, costUsd: cost, attempts } = answer;
    const response: StoredResponse = resultToStoredResponse(
      outcome,
      { runId: item.runId, setName: context.run.setName, questionId: item.questionId, sample: item.sample },
      cost,
    );
    itemIds.set(itemKey(item.runId, item.questionId, item.sample), item.itemId);
    touchedRuns.add(item.runId);
    const write = writer.write(response).then(
      (result) => {
        worker.finish(item);
        itemIds.delete(itemKey(item.runId, item.questionId, item.sample));
        if (result.inserted) {
          stored += 1;
          statusCounts[outcome.status] = (statusCounts[outcome.status] ?? 0) + 1;
        } else duplicates += 1;
        emit({
          type: 'outcome',
          runId: item.runId,
          questionId: item.questionId,
          sample: item.sample,
          status: outcome.status,
          costUsd: cost,
          attempts,
          latencyMs: outcome.latencyMs,
          duplicate: !result.inserted,
        });
      },
      (error: unknown) => {
        storeError ??= error;
        stop('store_error', `could not store an outcome: ${(error as Error).message}`);
      },
    );
    // Wait for the commit (shared with other slots' outcomes) before taking the next item: a worker
    // killed at any moment has then asked at most `concurrency` questions it did not store.
    await write;
    // Committed (or failed to commit, which stops the worker): either way no longer in flight.
    halts.settle(item.runId, worstCost);
    let watch = refusalWatches.get(item.runId);
    if (!watch) refusalWatches.set(item.runId, (watch = watchDeterministicRefusals()));
    const guard = checkGuards(outcome, guards, watch, {
      runId: item.runId,
      questionId: item.questionId,
      sample: item.sample,
      maxTokens: context.settings.maxTokens,
      queued: true,
    });
    if (guard && worker.stopReason() !== 'store_error') await halts.halt(item.runId, guard.reason, guard.detail);
  };

  const ran = await worker.run(handle, () => writer.flush());
  storeError ??= ran.failure;
  const released = ran.released;

  const finishedRuns: string[] = [];
  for (const runId of touchedRuns) {
    const counts = await store.countWork({ runId, kind: 'collect' });
    if (counts.queued === 0 && counts.leased === 0) {
      await store.setRunState(runId, 'finished', new Date().toISOString());
      finishedRuns.push(runId);
    }
  }
  const summary: WorkerSummary = {
    owner,
    stopReason: ran.stopReason,
    stored,
    duplicates,
    statusCounts,
    released,
    finishedRuns,
    haltedRuns: [...halts.halts()],
    elapsedMs: performance.now() - started,
  };
  emit({ type: 'finish', summary });
  if (storeError) throw storeError;
  return summary;
}
