import type { CandorStore } from '../store/index.js';

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
