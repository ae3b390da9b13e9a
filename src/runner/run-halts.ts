import type { CandorStore } from '../store/index.js';
import type { GuardReason, RunGuards } from './run-guards.js';

export interface RunHalt {
  runId: string;
  reason: GuardReason;
  detail: string;
}

/**
 * A worker's side of the run guards. Halting a run sets it to 'interrupted' in the store, so no
 * worker claims its items any more (they stay queued for `candor run --resume <id> --enqueue`).
 *
 * The budget: before each request the worker reads what the store says the run has cost (every
 * worker's committed outcomes) and adds the worst case of its own requests not yet committed. A
 * request counts as in flight from its reservation until its outcome is committed, and a reading
 * is combined with everything reserved since just before it was taken, so nothing is missed in
 * between. A run therefore ends at most (other workers' requests in flight) × (worst case of one
 * request) over its budget.
 */
export function createRunHalts(
  store: Pick<CandorStore, 'setRunState' | 'runCostUsd'>,
  onHalt: (halt: RunHalt) => void,
) {
  const halted = new Map<string, RunHalt>();
  const byThisWorker: RunHalt[] = [];
  /** Worst cases of this worker's uncommitted requests, and of every request it ever reserved. */
  const inFlight = new Map<string, number>();
  const everReserved = new Map<string, number>();

  const halt = async (runId: string, reason: GuardReason, detail: string): Promise<void> => {
    if (halted.has(runId)) return;
    const entry = { runId, reason, detail };
    halted.set(runId, entry);
    byThisWorker.push(entry);
    await store.setRunState(runId, 'interrupted', null);
    onHalt(entry);
  };

  return {
    isHalted: (runId: string) => halted.has(runId),
    halt,
    /** Runs this worker halted, for its summary. */
    halts: (): readonly RunHalt[] => byThisWorker,
    /** Reserves a request's worst-case cost; false (and the run halted) when it could pass the budget. */
    async reserve(runId: string, guards: RunGuards, worstCostUsd: number): Promise<boolean> {
      if (guards.maxCostUsd !== null) {
        const pendingBefore = inFlight.get(runId) ?? 0;
        const everBefore = everReserved.get(runId) ?? 0;
        const spent = await store.runCostUsd(runId);
        // Outcomes committed while reading may be missing from `spent`: count what was pending then.
        const pending = pendingBefore + ((everReserved.get(runId) ?? 0) - everBefore);
        if (halted.has(runId)) return false;
        if (spent + pending + worstCostUsd > guards.maxCostUsd) {
          await halt(
            runId,
            'budget',
            `budget of $${guards.maxCostUsd} reached ($${spent.toFixed(4)} spent by all workers, $${(pending + worstCostUsd).toFixed(4)} more possible from this one)`,
          );
          return false;
        }
      }
      inFlight.set(runId, (inFlight.get(runId) ?? 0) + worstCostUsd);
      everReserved.set(runId, (everReserved.get(runId) ?? 0) + worstCostUsd);
      return true;
    },
    /** The request's outcome is committed (or it was given up): it is no longer in flight. */
    settle(runId: string, worstCostUsd: number): void {
      inFlight.set(runId, (inFlight.get(runId) ?? 0) - worstCostUsd);
    },
  };
}
