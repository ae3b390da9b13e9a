import { afterEach, describe, expect, it } from 'vitest';
import { maxInRollingWindow } from './max-in-rolling-window.js';
import { startMockServer, type MockServer } from './start-mock-server.js';
import { chatBody, postChat } from './test-support/post-chat.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('rate-limit enforcement', () => {
  it('answers 429 with retry-after once the rolling window is full', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 3, windowMs: 10_000 } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let index = 0; index < 5; index++) {
      const response = await postChat(server.url, chatBody(`question ${index}`));
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
      await response.arrayBuffer().catch(() => undefined);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const retryAfterMs = Number(limited!.headers.get('retry-after-ms'));
    expect(retryAfterMs).toBeGreaterThan(5000);
    expect(retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(Number(limited!.headers.get('retry-after'))).toBe(Math.ceil(retryAfterMs / 1000));
    expect(server.stats()).toMatchObject({ rateLimited: 2, successes: 3, completionRequests: 5 });
  });

  it('admits requests again once the window has moved on', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 2, windowMs: 200 } });
    expect((await postChat(server.url, chatBody('a'))).status).toBe(200);
    expect((await postChat(server.url, chatBody('b'))).status).toBe(200);
    const limited = await postChat(server.url, chatBody('c'));
    expect(limited.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(limited.headers.get('retry-after-ms')) + 20));
    expect((await postChat(server.url, chatBody('c'))).status).toBe(200);
  });

  it('limits tokens per window using prompt tokens plus max_tokens', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 100, tokensPerMinute: 1000, windowMs: 10_000 } });
    expect((await postChat(server.url, chatBody('hi', { max_tokens: 600 }))).status).toBe(200);
    const limited = await postChat(server.url, chatBody('hi', { max_tokens: 600 }));
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/tokens/);
    expect((await postChat(server.url, chatBody('hi', { max_tokens: 100 }))).status).toBe(200);
  });

  it('records arrivals so a burst over the limit is visible to maxInRollingWindow', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 5, windowMs: 60_000 } });
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => postChat(server!.url, chatBody(`q${index}`))),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(5);
    expect(responses.filter((response) => response.status === 429)).toHaveLength(7);
    const arrivals = server.stats().arrivalTimesMs;
    expect(arrivals).toHaveLength(12);
    // The client sent 12 in one window: the check a runner test would make must catch that.
    expect(maxInRollingWindow(arrivals, 60_000)).toBe(12);
  });

  it('sends rate-limit headers on admitted requests', async () => {
    server = await startMockServer({ rateLimit: { requestsPerMinute: 10 } });
    const response = await postChat(server.url, chatBody('a'));
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('10');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('9');
  });
});
