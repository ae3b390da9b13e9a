import { pauseUnlessAborted } from './pause-unless-aborted.js';

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
