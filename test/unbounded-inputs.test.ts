import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';
import { openStore } from '../src/store/index.js';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
  server = null;
});

/** A provider that streams a 40 MB answer (chunked: no content-length to refuse it early). */
async function floodingServer(): Promise<string> {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"g","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"');
      const chunk = 'flood '.repeat(100_000);
      let sent = 0;
      const pump = () => {
        while (sent < 40 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end('"}}]}');
      };
      response.on('error', () => {});
      pump();
    });
  });
  await new Promise<void>((resolveListen) => server!.listen(0, '127.0.0.1', resolveListen));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('unbounded inputs are cut at a stated limit', () => {
  it('a provider body over 32 MiB is stored as a too_large provider error, not retried, and the run finishes', { timeout: 60_000 }, async () => {
    const url = await floodingServer();
    const folder = mkdtempSync(join(tmpdir(), 'candor-flood-'));
    const set = join(folder, 'q.jsonl');
    writeFileSync(set, '{"id":"q1","category":"s","question":"flood me"}\n');
    const db = join(folder, 'c.db');
    const io = captureIo();
    const code = await runCli(['run', '--model', 'openai-compatible:m', '--base-url', url, '--set', set, '--db', db, '--quiet', '--run-id', 'flood'], io);
    expect(code, io.err()).toBe(0);
    const store = await openStore(db);
    try {
      const [outcome] = await store.listResponses({ runId: 'flood' });
      expect(outcome).toMatchObject({ status: 'provider_error', finalText: null });
      expect(outcome!.statusDetail).toMatch(/^too_large: the response body was larger than 33554432 bytes/);
      expect(outcome!.rawPayload.length).toBeLessThan(200_000);
      expect((await store.getRun('flood'))?.state).toBe('finished');
    } finally {
      await store.close();
    }
  });
});
