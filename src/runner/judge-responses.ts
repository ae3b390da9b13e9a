import type { Judgment } from '../core/index.js';
import { JudgeAbstainedError, JudgeUnavailableError, labelForStatus, type Judge } from '../judge/index.js';
import type { CandorStore, ResponseFilter, ResponseToJudge } from '../store/index.js';
import type { EngineEvent } from './engine-events.js';
import { createQueueWorker, memoryWorkSource } from './leases.js';

export interface JudgeResponsesOptions {
  store: CandorStore;
  judge: Judge;
  filter?: ResponseFilter;
  concurrency?: number;
  /** Keep watching for new responses (e.g. while a run collects) until this says stop. */
  follow?: { intervalMs: number; done: () => Promise<boolean> };
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
  now?: () => string;
  sleep?: (ms: number) => Promise<void>;
}

export interface JudgeResponsesSummary {
  judged: number;
  byRule: number;
  unavailable: number;
  /** Of the unavailable ones: the judge abstained (not confident enough), so they still need a judge. */
  abstained: number;
  labels: Record<string, number>;
}

/**
 * Gives every current response (matching the filter) a judgment from `judge`, unless it has one
 * already. Failed outcomes are labelled by rule without calling the judge. A judge that cannot be
 * reached stores nothing for that response, so the next call picks it up.
 */
export async function judgeResponses(options: JudgeResponsesOptions): Promise<JudgeResponsesSummary> {
  const { store, judge } = options;
  const emit = options.onEvent ?? (() => {});
  const now = options.now ?? (() => new Date().toISOString());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const summary: JudgeResponsesSummary = { judged: 0, byRule: 0, unavailable: 0, abstained: 0, labels: {} };
  const failedThisCall = new Set<number>();

  const judgeOne = async (row: ResponseToJudge): Promise<Judgment | null> => {
    const ruleLabel = labelForStatus(row.status as Parameters<typeof labelForStatus>[0]);
    const base = {
      responseId: row.responseId,
      judgeId: judge.id,
      judgeVersion: judge.version,
      promptHash: judge.promptHash,
      judgedAt: now(),
      note: null,
    };
    if (ruleLabel !== null) {
      return {
        ...base,
        label: ruleLabel,
        explanation: `not sent to the judge: the response's status is ${row.status}`,
        rawOutput: null,
        source: 'rule',
      };
    }
    try {
      const verdict = await judge.judge(
        { question: row.questionText, response: row.finalText ?? '', responseId: row.responseId },
        { signal: options.signal },
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
      if (options.signal?.aborted) return null;
      if (!(error instanceof JudgeUnavailableError)) throw error;
      failedThisCall.add(row.responseId);
      summary.unavailable += 1;
      if (error instanceof JudgeAbstainedError) summary.abstained += 1;
      emit({ type: 'unavailable', itemId: null, responseId: row.responseId, detail: error.message, gaveUp: false });
      return null;
    }
  };

  for (;;) {
    const pending = (
      await store.listResponsesToJudge({ ...options.filter, judgeId: judge.id, judgeVersion: judge.version })
    ).filter((row) => !failedThisCall.has(row.responseId));
    emit({ type: 'batch', pending: pending.length });
    const buffer: Judgment[] = [];
    const flush = async () => {
      if (buffer.length === 0) return;
      const batch = buffer.splice(0, buffer.length);
      await store.putJudgments(batch);
    };
    // The batch as an in-memory queue, drained by the same loop as the queue workers.
    const worker = createQueueWorker<ResponseToJudge>({
      source: memoryWorkSource(pending),
      concurrency: Math.max(1, options.concurrency ?? 4),
      untilEmpty: true,
      signal: options.signal,
      emit: () => {},
      words: { interrupted: 'interrupted', empty: null },
    });
    let sinceYield = 0;
    const handle = async (row: ResponseToJudge) => {
      // A local judge answers without waiting on I/O: let timers and signals in now and then.
      if (++sinceYield % 32 === 0) {
        await new Promise((resolveYield) => setImmediate(resolveYield));
        if (worker.stopReason() !== null) return;
      }
      const judgment = await judgeOne(row);
      if (!judgment) return;
      buffer.push(judgment);
      summary.judged += 1;
      if (judgment.source === 'rule') summary.byRule += 1;
      summary.labels[judgment.label] = (summary.labels[judgment.label] ?? 0) + 1;
      emit({
        type: 'judged',
        itemId: null,
        responseId: row.responseId,
        label: judgment.label,
        byRule: judgment.source === 'rule',
        duplicate: false,
      });
      if (buffer.length >= 200) await flush();
    };
    const { failure } = await worker.run(handle);
    if (failure) throw failure;
    await flush();
    if (!options.follow || options.signal?.aborted) break;
    if (pending.length === 0 && (await options.follow.done())) break;
    if (pending.length === 0) {
      emit({ type: 'waiting' });
      await sleep(options.follow.intervalMs);
    }
  }
  return summary;
}
