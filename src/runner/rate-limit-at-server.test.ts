import { describe, expect, it } from 'vitest';
import { maxInRollingWindow, startMockServer } from '../mock-server/index.js';
import { createProviderModel } from '../providers/index.js';
import { executeRun } from './execute-run.js';
import { createRateLimiter } from './rate-limiter.js';
import { createRunFixture } from './test-support/run-fixture.js';

describe('rate limits, measured at the server', () => {
  it('no rolling window ever holds more requests than the limit, and the server never has to refuse', async () => {
    const limit = 8;
    const windowMs = 500;
    // The server enforces the same limit over the same window: any excess would come back as 429.
    const server = await startMockServer({ latencyMs: 5, rateLimit: { requestsPerMinute: limit, windowMs } });
    try {
      const { store, run, questions, settings } = await createRunFixture(30);
      const model = createProviderModel('openai-compatible:mock/model', { baseURL: server.url, env: {} });
      const summary = await executeRun({
        store,
        run,
        settings,
        model,
        questions,
        concurrency: 16,
        // The limiter times a request when it is sent, the server when it arrives; on a loaded CI
        // machine the two drift by tens of milliseconds, so the margin covers that drift.
        limiter: createRateLimiter({ requestsPerMinute: limit, windowMs, safetyMarginMs: 150 }),
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      });
      const stats = server.stats();
      expect(summary.statusCounts).toEqual({ success: 30 });
      expect(stats.rateLimited).toBe(0);
      expect(stats.completionRequests).toBe(30);
      expect(maxInRollingWindow(stats.arrivalTimesMs, windowMs)).toBeLessThanOrEqual(limit);
      // The limiter is not idle either: it uses the budget it has.
      expect(maxInRollingWindow(stats.arrivalTimesMs, windowMs)).toBe(limit);
      await store.close();
    } finally {
      await server.close();
    }
  });

  it('holds a tokens-per-minute budget too', async () => {
    const windowMs = 400;
    const server = await startMockServer({
      latencyMs: 1,
      rateLimit: { requestsPerMinute: 1000, tokensPerMinute: 500, windowMs },
    });
    try {
      const { store, run, questions, settings } = await createRunFixture(12, { maxTokens: 100 });
      const model = createProviderModel('openai-compatible:mock/model', { baseURL: server.url, env: {} });
      const summary = await executeRun({
        store,
        run,
        settings,
        model,
        questions,
        concurrency: 12,
        limiter: createRateLimiter({ tokensPerMinute: 500, windowMs, safetyMarginMs: 50 }),
        retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      });
      expect(summary.statusCounts).toEqual({ success: 12 });
      expect(server.stats().rateLimited).toBe(0);
      await store.close();
    } finally {
      await server.close();
    }
  });
});
