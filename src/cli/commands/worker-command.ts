import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { createProviderModel } from '../../providers/index.js';
import { createReplayModel, DEFAULT_RETRY_POLICY, runWorker, type WorkerEvent, type WorkerSummary } from '../../runner/index.js';
import type { CliIo } from '../cli-io.js';
import { loadCandorConfig } from '../load-candor-config.js';
import { parseNumberOption } from '../parse-number-option.js';
import { withStore } from '../with-store.js';

interface WorkerCommandOptions {
  db?: string;
  concurrency?: string;
  leaseMs?: string;
  pollMs?: string;
  untilEmpty?: boolean;
  run?: string;
  maxAttempts?: string;
  retryBaseMs?: string;
  config?: string;
  format?: string;
  quiet?: boolean;
}

function describeWorker(summary: WorkerSummary, format: string | undefined): string {
  if (format === 'json') return JSON.stringify(summary, null, 2) + '\n';
  const statuses = Object.entries(summary.statusCounts).map(([status, count]) => `${status} ${count}`).join(', ');
  const lines = [
    `worker ${summary.owner}: stopped (${summary.stopReason}) after ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    `stored ${summary.stored} outcomes${statuses ? `: ${statuses}` : ''}; ${summary.duplicates} already stored by another worker; ${summary.released} items given back`,
  ];
  if (summary.finishedRuns.length > 0) lines.push(`finished runs: ${summary.finishedRuns.join(', ')}`);
  return lines.join('\n') + '\n';
}

function progressPrinter(io: CliIo, quiet: boolean | undefined): (event: WorkerEvent) => void {
  let outcomes = 0;
  return (event) => {
    if (event.type === 'stopping' && (event.reason !== 'empty' || !quiet)) io.stderr.write(`candor worker: stopping (${event.reason}): ${event.detail}\n`);
    if (quiet) return;
    if (event.type === 'outcome' && ++outcomes % 100 === 0) io.stderr.write(`candor worker: ${outcomes} outcomes\n`);
    if (event.type === 'lease_lost') io.stderr.write(`candor worker: lost the lease on ${event.itemIds.length} items (another worker took them over)\n`);
    if (event.type === 'store_retry') io.stderr.write(`candor worker: store unavailable, retrying: ${event.detail}\n`);
    if (event.type === 'skipped') io.stderr.write(`candor worker: skipped item ${event.itemId}: ${event.detail}\n`);
  };
}

export function registerWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('process enqueued work (`candor run --enqueue`) from a shared store; run any number, on any machine')
    .option('--db <url-or-path>', 'store: postgres://… URL or SQLite file (default $CANDOR_DB or ./candor.db)')
    .option('--concurrency <n>', 'requests in flight at once in this worker', '8')
    .option('--lease-ms <ms>', 'a dead worker’s items return to the queue this long after its last heartbeat', '60000')
    .option('--poll-ms <ms>', 'wait between looks at an empty queue', '1000')
    .option('--until-empty', 'exit once nothing is queued or leased (default: keep waiting for work until Ctrl-C)')
    .option('--run <run-id>', 'only work on this run')
    .option('--max-attempts <n>', 'attempts per request for retryable failures')
    .option('--retry-base-ms <ms>', 'first backoff delay; doubles each attempt, with jitter (default 1000)')
    .option('--config <file>', 'JSON config: endpoints and per-model settings (API keys come from this machine’s environment)')
    .option('--format <format>', 'summary as text or json', 'text')
    .option('--quiet', 'no progress output')
    .addHelpText('after', '\nCtrl-C stops claiming, gives unstarted items back, and lets requests in flight finish and be stored.\nExit codes: 0 done, 130 interrupted.')
    .action(async (options: WorkerCommandOptions) => {
      const config = loadCandorConfig(options.config);
      await withStore(options.db, io, async (store) => {
        const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
        const leaseMs = parseNumberOption('lease-ms', options.leaseMs, { integer: true, min: 100 }) ?? 60_000;
        const summary = await runWorker({
          store,
          owner,
          concurrency: parseNumberOption('concurrency', options.concurrency, { integer: true, min: 1, max: 10_000 }) ?? 8,
          leaseMs,
          pollMs: parseNumberOption('poll-ms', options.pollMs, { integer: true, min: 10 }) ?? 1000,
          untilEmpty: options.untilEmpty ?? false,
          runId: options.run,
          retry: {
            ...DEFAULT_RETRY_POLICY,
            maxAttempts: parseNumberOption('max-attempts', options.maxAttempts, { integer: true, min: 1, max: 20 }) ?? DEFAULT_RETRY_POLICY.maxAttempts,
            baseDelayMs: parseNumberOption('retry-base-ms', options.retryBaseMs, { min: 0 }) ?? DEFAULT_RETRY_POLICY.baseDelayMs,
          },
          signal: io.signal,
          createModel: (run, settings) =>
            settings.modelSpec.startsWith('replay:')
              ? createReplayModel(store, settings.modelSpec.slice('replay:'.length))
              : createProviderModel(settings.modelSpec, {
                  baseURL: settings.baseURL ?? undefined,
                  apiKeyEnv: settings.apiKeyEnv ?? undefined,
                  config: config.provider,
                  env: io.env,
                }),
          onEvent: progressPrinter(io, options.quiet),
        });
        io.stdout.write(describeWorker(summary, options.format));
        io.exitCode = summary.stopReason === 'interrupted' ? 130 : 0;
      });
    });
}
