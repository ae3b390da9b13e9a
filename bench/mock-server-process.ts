/** Starts the mock server in its own process (so it does not share the benchmark's event loop) and prints its URL. */
import { startMockServer } from '../src/mock-server/index.js';

const latencyMs = Number(process.argv[2] ?? '100');
const server = await startMockServer({ latencyMs });
process.stdout.write(`${server.url}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
