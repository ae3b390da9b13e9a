import { describe, expect, it } from 'vitest';
import { createQueueWorker, memoryWorkSource, SLOTS_PER_TURN } from './leases.js';

describe('memoryWorkSource', () => {
  it('hands items out in order, an item given back next, and is drained once all are handed out', async () => {
    const source = memoryWorkSource(['a', 'b', 'c']);
    expect(await source.claim(2)).toEqual(['a', 'b']);
    expect(await source.drained()).toBe(false);
    await source.giveBack('b');
    expect(await source.claim(2)).toEqual(['b', 'c']);
    expect(await source.drained()).toBe(true);
    expect(await source.close()).toBe(0);
  });

  it('is drained by the shared worker loop: every item once, no stop reason without a stop', async () => {
    const events: string[] = [];
    const worker = createQueueWorker<number>({
      source: memoryWorkSource(Array.from({ length: 50 }, (_, index) => index)),
      concurrency: 8,
      untilEmpty: true,
      emit: (event) => events.push(event.type),
      words: { interrupted: 'interrupted', empty: null },
    });
    const seen: number[] = [];
    await worker.run(async (item) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(item);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(worker.stopReason()).toBeNull();
    expect(events).not.toContain('stopping');
  });

  it('starts its slots a few per turn of the event loop, so the first requests leave while the rest start', async () => {
    const concurrency = SLOTS_PER_TURN * 8;
    let started = 0;
    let startedWhenTheLoopTurned: number | null = null;
    // Scheduled before any slot starts: runs at the first turn of the event loop.
    setImmediate(() => (startedWhenTheLoopTurned = started));
    const worker = createQueueWorker<number>({
      source: memoryWorkSource(Array.from({ length: concurrency }, (_, index) => index)),
      concurrency,
      untilEmpty: true,
      emit: () => {},
      words: { interrupted: 'interrupted', empty: null },
    });
    await worker.run(async () => {
      started += 1;
      // Busy until the loop turns: a slot's request (here, this wait) waits on I/O.
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(started).toBe(concurrency);
    // Some slots had started, and most had not, when the event loop first turned.
    expect(startedWhenTheLoopTurned).toBeGreaterThan(0);
    expect(startedWhenTheLoopTurned).toBeLessThan(concurrency);
  });
});
