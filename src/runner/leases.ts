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
  /** With untilEmpty: end the slot once the source will hand out nothing more. */
  untilEmpty: boolean;
  drained: () => Promise<boolean>;
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
      if (options.untilEmpty && (await options.drained().catch(() => false))) {
        options.onEmpty();
        break;
      }
      options.onIdle();
      await pauseUnlessAborted(options.pollMs, options.signal);
    }
  };
  // Slots start in groups, with a turn of the event loop between groups: a slot's first request
  // goes out when its connection opens, which the loop handles only between turns. Started all at
  // once, 1,024 slots kept the loop busy ~250 ms before the first request left, and the first
  // answers came back ~800 ms in instead of ~550 (bench:runner at 1,024 / 500 ms: 0.85–0.87 of
  // ideal cold, 0.87–0.90 warm, against 0.88–0.90 and 0.90–0.92 in groups of 8).
  await startInTurns(Math.max(1, options.concurrency), slot);
}

/** How many slots start in one turn of the event loop (runLeaseSlots). */
export const SLOTS_PER_TURN = 8;

/** Starts `count` loops, SLOTS_PER_TURN per turn of the event loop, and waits for all of them. */
export async function startInTurns(count: number, start: () => Promise<void>): Promise<void> {
  const started: Promise<void>[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index > 0 && index % SLOTS_PER_TURN === 0) await new Promise((resolveTurn) => setImmediate(resolveTurn));
    started.push(start());
  }
  await Promise.all(started);
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

/**
 * Where a worker's items come from: the store's queue (leased with SKIP LOCKED, for `candor worker`)
 * or the plan of a local run held in memory. The worker loop below drains either the same way.
 */
export interface WorkSource<Item> {
  /** Up to `limit` items, held by this worker until finished or given back. */
  claim(limit: number): Promise<Item[]>;
  /** The item's outcome is committed: no longer held. */
  finish(item: Item): void;
  /** Back to the source now, to be claimed again. */
  giveBack(item: Item): Promise<void>;
  /** True when nothing more will be handed out (nothing to claim, nothing held that could come back). */
  drained(): Promise<boolean>;
  /** On the way out: give back whatever is still held; resolves to how many. */
  close(): Promise<number>;
}

export interface StoreWorkSourceOptions<Item extends { itemId: number }> {
  store: Pick<CandorStore, 'renewLeases' | 'releaseWork'>;
  owner: string;
  leaseMs: number;
  heartbeatMs?: number;
  claim: (limit: number) => Promise<Item[]>;
  /** Nothing queued or leased (that this worker could take). */
  queueIsEmpty: () => Promise<boolean>;
  onLost: (itemIds: number[]) => void;
}

/** The store's queue: claimed items are leased to `owner` and kept alive by a heartbeat until finished. */
export function storeWorkSource<Item extends { itemId: number }>(
  options: StoreWorkSourceOptions<Item>,
): WorkSource<Item> {
  const { store, owner } = options;
  const heartbeat = startLeaseHeartbeat(
    store,
    owner,
    options.leaseMs,
    options.heartbeatMs ?? Math.max(50, Math.floor(options.leaseMs / 3)),
    (lost) => {
      for (const id of lost) heartbeat.held.delete(id);
      options.onLost(lost);
    },
  );
  return {
    async claim(limit) {
      const claimed = await options.claim(limit);
      for (const item of claimed) heartbeat.held.add(item.itemId);
      return claimed;
    },
    finish: (item) => void heartbeat.held.delete(item.itemId),
    async giveBack(item) {
      await store.releaseWork(owner, [item.itemId]);
      heartbeat.held.delete(item.itemId);
    },
    drained: async () => heartbeat.held.size === 0 && (await options.queueIsEmpty()),
    async close() {
      heartbeat.stop();
      // Whatever was claimed but not finished goes back now rather than after the lease runs out.
      return store.releaseWork(owner).catch(() => 0);
    },
  };
}

/**
 * A local run's plan as a queue in memory: items are handed out in order; one given back is handed
 * out next. Nothing held can come back unless given back, so it is drained once all are handed out.
 */
export function memoryWorkSource<Item>(items: readonly Item[]): WorkSource<Item> {
  let next = 0;
  const returned: Item[] = [];
  return {
    claim(limit) {
      const claimed = returned.splice(0, limit);
      while (claimed.length < limit && next < items.length) claimed.push(items[next++]!);
      return Promise.resolve(claimed);
    },
    finish: () => {},
    giveBack(item) {
      returned.push(item);
      return Promise.resolve();
    },
    drained: () => Promise.resolve(next >= items.length && returned.length === 0),
    close: () => Promise.resolve(0),
  };
}

export interface QueueWorkerOptions<Item> {
  source: WorkSource<Item>;
  concurrency: number;
  pollMs?: number;
  untilEmpty?: boolean;
  /** Ctrl-C: stop claiming, give back what has not started, let the items in flight finish. */
  signal?: AbortSignal;
  emit: (event: Extract<EngineEvent, { type: 'claimed' | 'stopping' | 'store_retry' | 'idle' }>) => void;
  /**
   * How the stopping event words Ctrl-C and a drained source; `empty: null` ends without a stop
   * reason (a local run, whose guards may still stop it while its last requests finish).
   */
  words: { interrupted: string; empty: string | null };
}

/**
 * The loop every engine shares (local run, collect worker, judge worker): slots take items from a
 * work source (claiming more as they free up), one stop reason, Ctrl-C wired to it, and whatever
 * is still held given back on the way out. The caller supplies, to `run`, how to handle one item.
 */
export function createQueueWorker<Item>(options: QueueWorkerOptions<Item>) {
  const { source, signal, emit } = options;
  let stopReason: StopReason | null = null;
  let failure: unknown = null;
  const buffer: Item[] = [];
  let claiming: Promise<void> | null = null;
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
    claiming ??= source
      .claim(options.concurrency)
      .then((claimed) => {
        buffer.push(...claimed);
        if (claimed.length > 0) emit({ type: 'claimed', count: claimed.length });
      })
      .finally(() => {
        claiming = null;
      });
    return claiming;
  };
  const empty = options.words.empty;

  return {
    stop,
    stopReason: (): StopReason | null => stopReason,
    /** The item is finished (its outcome committed): no longer held. */
    finish: (item: Item) => source.finish(item),
    /** Back to the source now (for the store: rather than when its lease runs out). */
    giveBack: (item: Item): Promise<void> => source.giveBack(item),
    /**
     * Drains the source through `handle` until stopped (or drained with untilEmpty), runs `drain`
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
          drained: () => source.drained(),
          onEmpty: () => {
            if (empty !== null) stop('empty', empty);
          },
          onStoreRetry: (detail) => emit({ type: 'store_retry', detail }),
          onIdle: () => emit({ type: 'idle' }),
          pollMs: options.pollMs ?? 1000,
          signal,
        });
        await drain?.();
      } finally {
        signal?.removeEventListener('abort', onAbort);
        released = await source.close();
      }
      return { stopReason: stopReason ?? 'empty', released, failure };
    },
  };
}
