import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './start-mock-server.js';
import { chatBody, postChat } from './test-support/post-chat.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('stats()', () => {
  it('counts requests, successes, faults and paths', async () => {
    server = await startMockServer({
      faults: [
        { fault: 'server_error_502', match: 'bad' },
        { fault: 'empty_stop', match: 'empty' },
      ],
    });
    for (const prompt of ['good', 'bad', 'bad', 'empty', 'good'])
      await (await postChat(server.url, chatBody(prompt))).text();
    await (await fetch(`${server.url}/models`)).text();
    await (await fetch(`${server.url}/nope`)).text();
    const stats = server.stats();
    expect(stats).toMatchObject({
      totalRequests: 7,
      completionRequests: 5,
      successes: 2,
      notFound: 1,
      badRequests: 0,
      rateLimited: 0,
    });
    expect(stats.faults).toMatchObject({ server_error_502: 2, empty_stop: 1, rate_limit: 0, timeout: 0 });
    expect(stats.byPath).toEqual({ '/v1/chat/completions': 5, '/v1/models': 1, '/v1/nope': 1 });
    expect(stats.arrivalTimesMs).toHaveLength(5);
    expect([...stats.arrivalTimesMs].sort((a, b) => a - b)).toEqual(stats.arrivalTimesMs);
    expect(stats.inFlight).toBe(0);
  });

  it('keeps the bodies of the last N requests, oldest first', async () => {
    server = await startMockServer({ recordBodies: 3 });
    for (let index = 0; index < 5; index++) {
      await (await postChat(server.url, chatBody(`prompt ${index}`, { temperature: index / 10 }))).text();
    }
    const bodies = server.stats().recentBodies as Array<{ messages: Array<{ content: string }>; temperature: number }>;
    expect(bodies.map((body) => body.messages[0]!.content)).toEqual(['prompt 2', 'prompt 3', 'prompt 4']);
    expect(bodies[2]).toEqual({
      model: 'test/model',
      messages: [{ role: 'user', content: 'prompt 4' }],
      temperature: 0.4,
    });
  });

  it('records the highest number of requests in flight at once', async () => {
    server = await startMockServer({ latencyMs: 100 });
    await Promise.all(
      Array.from({ length: 8 }, (_, index) => postChat(server!.url, chatBody(`p${index}`)).then((r) => r.text())),
    );
    expect(server.stats()).toMatchObject({ maxInFlight: 8, inFlight: 0 });
  });

  it('caps the arrival times and says so', async () => {
    server = await startMockServer({ maxArrivals: 2 });
    for (let index = 0; index < 3; index++) await (await postChat(server.url, chatBody('x'))).text();
    const stats = server.stats();
    expect(stats.arrivalTimesMs).toHaveLength(2);
    expect(stats.arrivalTimesTruncated).toBe(true);
    expect(stats.completionRequests).toBe(3);
  });

  it('returns a snapshot that later requests do not change', async () => {
    server = await startMockServer();
    await (await postChat(server.url, chatBody('one'))).text();
    const before = server.stats();
    await (await postChat(server.url, chatBody('two'))).text();
    expect(before.completionRequests).toBe(1);
    expect(before.arrivalTimesMs).toHaveLength(1);
    expect(before.recentBodies).toHaveLength(1);
  });

  it('reset() clears counts and restarts fault counters and request indexes', async () => {
    server = await startMockServer({
      faults: [
        { fault: 'rate_limit', once: true },
        { fault: 'server_error_500', requestIndex: 1 },
      ],
    });
    expect((await postChat(server.url, chatBody('q'))).status).toBe(429);
    expect((await postChat(server.url, chatBody('q'))).status).toBe(500);
    server.reset();
    expect(server.stats()).toMatchObject({
      totalRequests: 0,
      completionRequests: 0,
      arrivalTimesMs: [],
      recentBodies: [],
    });
    expect(server.stats().faults.rate_limit).toBe(0);
    expect((await postChat(server.url, chatBody('q'))).status).toBe(429);
    expect((await postChat(server.url, chatBody('q'))).status).toBe(500);
    expect((await postChat(server.url, chatBody('q'))).status).toBe(200);
  });
});
