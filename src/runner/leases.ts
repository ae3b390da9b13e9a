import { setMaxListeners } from 'node:events';
import type { CandorStore } from '../store/index.js';
import type { EngineEvent, StopReason } from './engine-events.js';

/** What the claim loop of a queue worker needs from its owner. */
export interface LeaseSlotsOptions<Item> {
  concurrency: number;
  /** Items claimed but not started; `refill` adds to it. */
  buffer: Item[];
  refill: () => Promise<void>;
  handle: (item: Item) => Promise<void>;
  /** True once the worker is stopping (Ctrl-C, a guard, an error, or an empty queue). */
  stopped: () => boolean;
  /** A handler threw: record it and stop. */
  onHandleError: (error: unknown) => void;
  /** With untilEmpty: stop once nothing is held and the queue is empty. */
  untilEmpty: boolean;
  heldCount: () => number;
  queueIsEmpty: () => Promise<boolean>;
  onEmpty: () => void;
  onStoreRetry: (detail: string) => void;
  onIdle: () => void;
  pollMs: number;
  signal?: AbortSignal;
}

/**
 * The slots of a queue worker: each takes a claimed item (claiming more when none is left),
 * handles it, and idles when the queue is empty. A store that is briefly unreachable is retried
 * after a pause. Shared by the collection and judging workers.
 */
export async function runLeaseSlots<Item>(options: LeaseSlotsOptions<Item>): Promise<void> {
  const slot = async () => {
    while (!options.stopped()) {
      try {
        if (options.buffer.length === 0) await options.refill();
      } catch (error) {
        options.onStoreRetry((error as Error).message);
        await pauseUnlessAborted(options.pollMs, options.signal);
        continue;
      }
      const item = options.buffer.shift();
      if (item !== undefined) {
        try {
          await options.handle(item);
        } catch (error) {
          options.onHandleError(error);
        }
        continue;
      }
      if (options.untilEmpty && options.heldCount() === 0 && (await options.queueIsEmpty().catch(() => false))) {
        options.onEmpty();
        break;
      }
      options.onIdle();
      await pauseUnlessAborted(options.pollMs, options.signal);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, slot));
}

export interface LeaseHeartbeat {
  /** Item ids this worker holds a lease on. */
  readonly held: Set<number>;
  stop(): void;
}

/**
 * Renews the worker's leases every `intervalMs`. Ids the store no longer lets it hold (the lease
 * expired and another worker took the item) are dropped and reported; the work goes on, because
 * storing the outcome is safe either way.
 */
export function startLeaseHeartbeat(
  store: Pick<CandorStore, 'renewLeases'>,
  owner: string,
  leaseMs: number,
  intervalMs: number,
  onLost: (itemIds: number[]) => void,
): LeaseHeartbeat {
  const held = new Set<number>();
  let beating = false;
  const timer = setInterval(() => {
    if (beating || held.size === 0) return;
    beating = true;
    const asked = [...held];
    store
      .renewLeases(owner, asked, leaseMs)
      .then((kept) => {
        const keptSet = new Set(kept);
        const lost = asked.filter((id) => !keptSet.has(id) && held.has(id));
        if (lost.length > 0) onLost(lost);
      })
      // A failed heartbeat is retried at the next beat; the lease is long enough for a few misses.
      .catch(() => {})
      .finally(() => {
        beating = false;
      });
  }, intervalMs);
  timer.unref();
  return { held, stop: () => clearInterval(timer) };
}

/** Waits `ms`, or less if the signal aborts; never rejects. */
export function pauseUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolvePause) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolvePause();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface QueueWorkerOptions<Item extends { itemId: number }> {
  store: Pick<CandorStore, 'renewLeases' | 'releaseWork'>;
  owner: string;
  concurrency: number;
  leaseMs: number;
  heartbeatMs?: number;
  pollMs?: number;
  untilEmpty?: boolean;
  /** Ctrl-C: stop claiming, give back what has not started, let the items in flight finish. */
  signal?: AbortSignal;
  claim: (limit: number) => Promise<Item[]>;
  queueIsEmpty: () => Promise<boolean>;
  emit: (event: Extract<EngineEvent, { type: 'claimed' | 'lease_lost' | 'stopping' | 'store_retry' | 'idle' }>) => void;
  /** How the stopping event words Ctrl-C and an empty queue. */
  words: { interrupted: string; empty: string };
}

/**
 * The part every queue worker (collect or judge) shares: leases kept alive by a heartbeat, claims
 * refilled as slots free up, one stop reason, Ctrl-C wired to it, and whatever is still held given
 * back on the way out. The worker supplies `claim` and, to `run`, how to handle one item.
 */
export function createQueueWorker<Item extends { itemId: number }>(options: QueueWorkerOptions<Item>) {
  const { store, owner, signal, emit } = options;
  let stopReason: StopReason | null = null;
  let failure: unknown = null;
  const buffer: Item[] = [];
  let claiming: Promise<void> | null = null;
  const heartbeat = startLeaseHeartbeat(
    store,
    owner,
    options.leaseMs,
    options.heartbeatMs ?? Math.max(50, Math.floor(options.leaseMs / 3)),
    (lost) => {
      for (const id of lost) heartbeat.held.delete(id);
      emit({ type: 'lease_lost', itemIds: lost });
    },
  );
  const stop = (reason: StopReason, detail: string) => {
    if (stopReason !== null) return;
    stopReason = reason;
    emit({ type: 'stopping', reason, detail });
  };
  // Every slot waits on the signal (retry sleeps, rate-limit waits, idle polls).
  if (signal) setMaxListeners(Math.max(10, options.concurrency * 4 + 10), signal);
  const onAbort = () => stop('interrupted', options.words.interrupted);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });

  const refill = () => {
    claiming ??= options
      .claim(options.concurrency)
      .then((claimed) => {
        for (const item of claimed) heartbeat.held.add(item.itemId);
        buffer.push(...claimed);
        if (claimed.length > 0) emit({ type: 'claimed', count: claimed.length });
      })
      .finally(() => {
        claiming = null;
      });
    return claiming;
  };

  return {
    stop,
    stopReason: (): StopReason | null => stopReason,
    /** The item is finished (its outcome committed): no longer renewed. */
    done: (itemId: number) => heartbeat.held.delete(itemId),
    /** Back to the queue now rather than when its lease runs out. */
    async giveBack(item: Item): Promise<void> {
      await store.releaseWork(owner, [item.itemId]);
      heartbeat.held.delete(item.itemId);
    },
    /**
     * Drains the queue through `handle` until stopped (or empty with untilEmpty), runs `drain`
     * (e.g. the last group commit), then gives back whatever is still held. A handler that throws
     * stops the worker with 'error'; its error comes back as `failure`.
     */
    async run(
      handle: (item: Item) => Promise<void>,
      drain?: () => Promise<void>,
    ): Promise<{ stopReason: StopReason; released: number; failure: unknown }> {
      let released: number;
      try {
        await runLeaseSlots({
          concurrency: options.concurrency,
          buffer,
          refill,
          handle,
          stopped: () => stopReason !== null,
          onHandleError: (error) => {
            failure ??= error;
            stop('error', (error as Error).message);
          },
          untilEmpty: Boolean(options.untilEmpty),
          heldCount: () => heartbeat.held.size,
          queueIsEmpty: options.queueIsEmpty,
          onEmpty: () => stop('empty', options.words.empty),
          onStoreRetry: (detail) => emit({ type: 'store_retry', detail }),
          onIdle: () => emit({ type: 'idle' }),
          pollMs: options.pollMs ?? 1000,
          signal,
        });
        await drain?.();
      } finally {
        signal?.removeEventListener('abort', onAbort);
        heartbeat.stop();
        // Whatever was claimed but not finished goes back now rather than after the lease runs out.
        released = await store.releaseWork(owner).catch(() => 0);
      }
      return { stopReason: stopReason ?? 'empty', released, failure };
    },
  };
}
