import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from './parse-fault-spec.js';
import { startMockServer, type MockServer } from './start-mock-server.js';
import { chatBody, postChat } from './test-support/post-chat.js';

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Sends 200 distinct prompts concurrently and returns the status per prompt. */
async function statusesFor(seed: number): Promise<number[]> {
  const server = await startMockServer({ seed, faults: parseFaultSpec('rate_limit:0.1,server_error_500:0.1') });
  servers.push(server);
  return Promise.all(
    Array.from({ length: 200 }, async (_, index) => {
      const response = await postChat(server.url, chatBody(`question ${index}`));
      await response.arrayBuffer();
      return response.status;
    }),
  );
}

describe('seeded fault rates over HTTP', () => {
  it('give the same statuses to the same prompts for the same seed, even when sent concurrently', async () => {
    const first = await statusesFor(11);
    const second = await statusesFor(11);
    expect(second).toEqual(first);
    const count = (status: number) => first.filter((value) => value === status).length;
    expect(count(429)).toBeGreaterThan(5);
    expect(count(500)).toBeGreaterThan(5);
    expect(count(200)).toBeGreaterThan(120);
  });

  it('give different statuses for a different seed', async () => {
    expect(await statusesFor(12)).not.toEqual(await statusesFor(11));
  });
});
