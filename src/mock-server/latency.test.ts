import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './start-mock-server.js';
import { chatBody, postChat } from './test-support/post-chat.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function timeRequest(url: string): Promise<number> {
  const started = performance.now();
  const response = await postChat(url, chatBody('How long?'));
  await response.arrayBuffer();
  return performance.now() - started;
}

describe('latency', () => {
  it('delays every answer by at least a fixed latency', async () => {
    server = await startMockServer({ latencyMs: 150 });
    for (let attempt = 0; attempt < 3; attempt++) expect(await timeRequest(server.url)).toBeGreaterThanOrEqual(148);
  });

  it('delays injected faults too', async () => {
    server = await startMockServer({ latencyMs: 120, faults: [{ fault: 'server_error_500' }] });
    expect(await timeRequest(server.url)).toBeGreaterThanOrEqual(118);
  });

  it('delays by at least the minimum of a range', async () => {
    server = await startMockServer({ latencyMs: { min: 80, max: 160 }, seed: 5 });
    for (let attempt = 0; attempt < 4; attempt++) expect(await timeRequest(server.url)).toBeGreaterThanOrEqual(78);
  });

  it('runs concurrent requests in parallel rather than one after another', async () => {
    server = await startMockServer({ latencyMs: 200 });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, () => postChat(server!.url, chatBody('parallel')).then((r) => r.text())),
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(198);
    // Serially this would take 4 s; allow a very slow machine plenty of room.
    expect(elapsed).toBeLessThan(2000);
    expect(server.stats().maxInFlight).toBe(20);
  });

  it('rejects a negative latency or an inverted range', async () => {
    await expect(startMockServer({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startMockServer({ latencyMs: { min: 10, max: 5 } })).rejects.toThrow(/latencyMs/);
  });
});
