import { createQueueWorker, storeWorkSource } from './leases.js';
import { CandorError, type Judgment, type ResponseStatus } from '../core/index.js';
import { JudgeUnavailableError, labelForStatus } from '../judge/index.js';
import type { CandorStore, ClaimedJudgeItem } from '../store/index.js';
import { JudgeRefusedError } from './create-model-judge.js';
import type { EngineEvent, JudgeWorkerSummary } from './engine-events.js';
import { createJudgeSpecCache, type ResolveJudgeSpec } from './judge-spec-cache.js';

export interface RunJudgeWorkerOptions {
  store: CandorStore;
  /** Unique per worker; not shared with a collection worker in the same process (each releases its own). */
  owner: string;
  resolveJudge: ResolveJudgeSpec;
  /** Judge calls in flight at once in this worker. */
  concurrency: number;
  leaseMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  /** Stop once no judge item is queued or leased. */
  untilEmpty?: boolean;
  runId?: string;
  /** Claims of one item before a judge that stays unavailable gives it up (`judge run --enqueue` queues it again). */
  maxAttempts?: number;
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
  now?: () => string;
}

/**
 * One judging worker: claims 'judge' items with leases, resolves each item's judge spec once, judges
 * (failed outcomes by rule, without a call), and stores the judgment and marks the item done in one
 * transaction. Any number of workers may share the store; each (response, judge, version) gets one judgment.
 */
export async function runJudgeWorker(options: RunJudgeWorkerOptions): Promise<JudgeWorkerSummary> {
  const started = performance.now();
  const { store, owner, signal } = options;
  const emit = options.onEvent ?? (() => {});
  const now = options.now ?? (() => new Date().toISOString());
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const judgeFor = createJudgeSpecCache(options.resolveJudge);
  const summary: Omit<JudgeWorkerSummary, 'stopReason' | 'released' | 'elapsedMs'> = {
    owner,
    judged: 0,
    byRule: 0,
    duplicates: 0,
    unavailable: 0,
    labels: {},
  };
  const source = storeWorkSource<ClaimedJudgeItem>({
    store,
    owner,
    leaseMs,
    heartbeatMs: options.heartbeatMs,
    onLost: (itemIds) => emit({ type: 'lease_lost', itemIds }),
    claim: (limit) => store.claimJudgeWork({ owner, limit, leaseMs, runId: options.runId }),
    queueIsEmpty: async () => {
      const counts = await store.countWork({
        kind: 'judge',
        ...(options.runId !== undefined ? { runId: options.runId } : {}),
      });
      return counts.queued === 0 && counts.leased === 0;
    },
  });
  const worker = createQueueWorker<ClaimedJudgeItem>({
    source,
    concurrency: options.concurrency,
    pollMs: options.pollMs,
    untilEmpty: options.untilEmpty,
    signal,
    emit,
    words: {
      interrupted: 'interrupted; judgments in flight are finishing, the rest goes back to the queue',
      empty: 'no judge work left',
    },
  });
  const giveBack = worker.giveBack;

  const finish = async (item: ClaimedJudgeItem, judgment: Judgment | null) => {
    const [result] = await store.finishJudgeWork([{ itemId: item.itemId, judgment }]);
    worker.finish(item);
    return result!.inserted;
  };

  /** The judgment for one item, or null when it went back to the queue (or was given up). */
  const judgeItem = async (item: ClaimedJudgeItem): Promise<Judgment | null | 'requeued'> => {
    const judge = await judgeFor(item.judgeSpec, item.judgeOptions);
    if (judge.id !== item.judgeId || judge.version !== item.judgeVersion) {
      throw new CandorError(
        'judge_version_mismatch',
        `judge "${item.judgeSpec}" is ${judge.id}@${judge.version} here, but its items were enqueued for ${item.judgeId}@${item.judgeVersion}; run the same Candor version (and judge data) as the machine that enqueued`,
      );
    }
    const base = {
      responseId: item.responseId,
      judgeId: judge.id,
      judgeVersion: judge.version,
      promptHash: judge.promptHash,
      judgedAt: now(),
      note: null,
    };
    const ruleLabel = labelForStatus(item.status as ResponseStatus);
    if (ruleLabel !== null)
      return {
        ...base,
        label: ruleLabel,
        explanation: `not sent to the judge: the response's status is ${item.status}`,
        rawOutput: null,
        source: 'rule',
      };
    try {
      const verdict = await judge.judge(
        { question: item.questionText, response: item.finalText ?? '', responseId: item.responseId },
        { signal },
      );
      return {
        ...base,
        label: verdict.label,
        explanation: verdict.explanation,
        rawOutput: verdict.rawOutput,
        source: judge.source,
        note: verdict.needsReview ? 'needs review: the judges disagree' : null,
      };
    } catch (error) {
      if (signal?.aborted) return 'requeued';
      // The refusal guard (watch-deterministic-refusals.ts): the judge's first requests were all
      // refused alike. Like a collect worker's guard, a clean halt: this item and the rest go back.
      if (error instanceof JudgeRefusedError) {
        worker.stop('refused', error.message);
        return 'requeued';
      }
      if (!(error instanceof JudgeUnavailableError)) throw error;
      const gaveUp = item.attempts >= maxAttempts;
      summary.unavailable += 1;
      emit({ type: 'unavailable', itemId: item.itemId, responseId: item.responseId, detail: error.message, gaveUp });
      return gaveUp ? null : 'requeued';
    }
  };

  const handle = async (item: ClaimedJudgeItem) => {
    if (item.alreadyJudged) {
      await finish(item, null);
      summary.duplicates += 1;
      return;
    }
    const judgment = await judgeItem(item);
    if (judgment === 'requeued') return giveBack(item);
    const inserted = await finish(item, judgment);
    if (!judgment) return;
    if (!inserted) {
      summary.duplicates += 1;
    } else {
      summary.judged += 1;
      if (judgment.source === 'rule') summary.byRule += 1;
      summary.labels[judgment.label] = (summary.labels[judgment.label] ?? 0) + 1;
    }
    emit({
      type: 'judged',
      itemId: item.itemId,
      responseId: item.responseId,
      label: judgment.label,
      byRule: judgment.source === 'rule',
      duplicate: !inserted,
    });
  };

  const { stopReason, released, failure } = await worker.run(handle);
  const result: JudgeWorkerSummary = { ...summary, stopReason, released, elapsedMs: performance.now() - started };
  emit({ type: 'finish', summary: result });
  if (failure) throw failure;
  return result;
}
