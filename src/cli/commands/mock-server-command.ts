import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import { parseFaultSpec, startMockServer } from '../../mock-server/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';

interface MockServerOptions {
  port?: string;
  host?: string;
  latency?: string;
  faults?: string;
  seed?: string;
  upstream?: string;
  rpm?: string;
}

export function registerMockServerCommand(program: Command, io: CliIo): void {
  program
    .command('mock-server')
    .description(
      'a local OpenAI-compatible server with configurable latency and injected faults, for trying runs offline',
    )
    .option('--port <n>', 'port (0 = any free port)', '8787')
    .option('--host <address>', 'bind address', '127.0.0.1')
    .option('--latency <ms>', 'fixed latency, or min-max', '100')
    .option('--faults <spec>', 'e.g. rate_limit:0.05,server_error_500:0.02,content_filter:0.01 (fault[:rate])')
    .option('--seed <n>', 'seed for fault draws', '1')
    .option('--upstream <name>', 'the `provider` field answers carry', 'MockUpstream')
    .option('--rpm <n>', 'answer 429 when more than this many requests arrive in a rolling minute')
    .addHelpText(
      'after',
      '\nFaults: rate_limit, server_error_500, server_error_502, server_error_503, timeout, reset, malformed_json,\nerror_in_200, content_filter, content_filter_400, empty_stop, length, unknown_shape.\nStops on Ctrl-C.',
    )
    .action(async (options: MockServerOptions) => {
      const latencyText = options.latency ?? '100';
      const range = /^(\d+)-(\d+)$/.exec(latencyText);
      const latencyMs = range
        ? { min: Number(range[1]), max: Number(range[2]) }
        : parseNumberOption('latency', latencyText, { min: 0 });
      if (latencyMs === undefined) throw new UsageError('--latency must be milliseconds or min-max');
      const rpm = parseNumberOption('rpm', options.rpm, { min: 1 });
      const server = await startMockServer({
        port: parseNumberOption('port', options.port, { integer: true, min: 0, max: 65535 }) ?? 8787,
        host: options.host,
        latencyMs,
        faults: options.faults ? parseFaultSpec(options.faults) : [],
        seed: parseNumberOption('seed', options.seed, { integer: true }) ?? 1,
        upstream: options.upstream,
        rateLimit: rpm ? { requestsPerMinute: rpm } : undefined,
      });
      io.stdout.write(`mock server listening on ${server.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        if (!io.signal) return;
        if (io.signal.aborted) resolve();
        io.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      const stats = server.stats();
      await server.close();
      io.stdout.write(`served ${stats.totalRequests} requests (${stats.successes} answers)\n`);
    });
}
