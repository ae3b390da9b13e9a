import { describe, expect, it } from 'vitest';
import { createQueueWorker, memoryWorkSource } from './leases.js';

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
});
