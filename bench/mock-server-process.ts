/**
 * Starts the mock server in its own process (so it does not share the benchmark's event loop) and prints its URL.
 * A vendor's server is warm when a run starts; a fresh Node process is not (its request handlers run
 * interpreted until V8 compiles them, which in a 1,024-wide first wave costs hundreds of ms). So before
 * listening it serves `--warm-up n` requests (default 4,096; 0 for none) on a throwaway instance of
 * the same server code, over `min(n, 256)` connections, and only then starts the measured server.
 * Usage: tsx bench/mock-server-process.ts <latency ms> [--warm-up n]
 */
import http from 'node:http';
import { startMockServer } from '../src/mock-server/index.js';

const latencyMs = Number(process.argv[2] ?? '100');
const warmUpIndex = process.argv.indexOf('--warm-up');
const warmUpRequests = warmUpIndex === -1 ? 4096 : Number(process.argv[warmUpIndex + 1]);
if (!(latencyMs >= 0) || !(warmUpRequests >= 0))
  throw new Error(`mock-server-process: bad arguments ${process.argv.slice(2).join(' ')}`);

async function warmUp(requests: number): Promise<void> {
  if (requests === 0) return;
  const warm = await startMockServer({ latencyMs: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.min(requests, 256) });
  const url = new URL(`${warm.url}/chat/completions`);
  const post = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        model: 'mock/model',
        messages: [{ role: 'user', content: `Warm-up request ${index}` }],
        max_tokens: 200,
      });
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.on('end', resolve);
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(requests, 256) }, async () => {
      while (next < requests) await post(next++);
    }),
  );
  agent.destroy();
  await warm.close();
}

await warmUp(warmUpRequests);
const server = await startMockServer({ latencyMs });
process.stdout.write(`${server.url}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
