import type { CandorStore } from '../store/index.js';

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
