import { UsageError } from '../../core/index.js';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import {
  DEFAULT_RETRY_POLICY,
  runJudgeWorker,
  runWorker,
  type JudgeWorkerSummary,
  type EngineEvent,
  type StopReason,
  type WorkerSummary,
} from '../../runner/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { withStore } from '../with-store.js';
import { createWorkerJudgeResolver, loadCandorConfig, resolveModelSpec } from '../../specs/index.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { formatOption, shared, SUMMARY_FORMATS } from '../cli-options.js';

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
  only?: string;
  judgeConcurrency?: string;
}

function describeJudging(summary: JudgeWorkerSummary): string {
  const labels = Object.entries(summary.labels)
    .map(([label, count]) => `${label} ${count}`)
    .join(', ');
  return (
    [
      `judge worker ${summary.owner}: stopped (${summary.stopReason}) after ${(summary.elapsedMs / 1000).toFixed(1)} s`,
      `stored ${summary.judged} judgments (${summary.byRule} failed outcomes labelled without a call)${labels ? `: ${labels}` : ''}; ${summary.duplicates} already judged by another worker; ${summary.unavailable} judge calls unavailable; ${summary.released} items given back`,
    ].join('\n') + '\n'
  );
}

function describeWorker(
  summary: WorkerSummary | null,
  judging: JudgeWorkerSummary | null,
  format: string | undefined,
): string {
  if (format === 'json') return JSON.stringify({ ...summary, ...(judging ? { judging } : {}) }, null, 2) + '\n';
  // The judge summary is printed when the judge loop had something to do (or was asked for alone).
  const judgeText =
    judging && (summary === null || judging.judged + judging.duplicates + judging.unavailable + judging.released > 0)
      ? describeJudging(judging)
      : '';
  if (!summary) return judgeText;
  const statuses = Object.entries(summary.statusCounts)
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  const lines = [
    `worker ${summary.owner}: stopped (${summary.stopReason}) after ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    `stored ${summary.stored} outcomes${statuses ? `: ${statuses}` : ''}; ${summary.duplicates} already stored by another worker; ${summary.released} items given back`,
  ];
  if (summary.finishedRuns.length > 0) lines.push(`finished runs: ${summary.finishedRuns.join(', ')}`);
  for (const halt of summary.haltedRuns) lines.push(`halted run ${halt.runId} (${halt.reason}): ${halt.detail}`);
  return lines.join('\n') + '\n' + judgeText;
}

/** What a loop's stop reason means for the exit code (exit-codes.ts): the worse of the two loops wins. */
const STOP_EXIT: Record<StopReason, ExitCode> = {
  empty: EXIT_CODES.ok,
  error: EXIT_CODES.error,
  store_error: EXIT_CODES.error,
  interrupted: EXIT_CODES.interrupted,
  truncation: EXIT_CODES.refused,
  unknown_shape: EXIT_CODES.refused,
  budget: EXIT_CODES.refused,
  refused: EXIT_CODES.refused,
  guard: EXIT_CODES.refused,
};
const EXIT_ORDER: readonly ExitCode[] = [EXIT_CODES.error, EXIT_CODES.interrupted, EXIT_CODES.refused];

/**
 * The exit code of `candor worker`: error when a loop failed, interrupted on Ctrl-C, refused when a
 * loop halted (a run's guard, the judge refused alike) or this worker halted a run; otherwise ok.
 */
export function workerExitCode(collect: WorkerSummary | null, judging: JudgeWorkerSummary | null): ExitCode {
  const codes = [collect, judging].flatMap((summary) => (summary ? [STOP_EXIT[summary.stopReason]] : []));
  if ((collect?.haltedRuns.length ?? 0) > 0) codes.push(EXIT_CODES.refused);
  return EXIT_ORDER.find((code) => codes.includes(code)) ?? EXIT_CODES.ok;
}

function judgeProgressPrinter(io: CliIo, quiet: boolean | undefined): (event: EngineEvent) => void {
  let judged = 0;
  return (event) => {
    if (event.type === 'stopping' && event.reason !== 'empty')
      io.stderr.write(`candor worker: judging stopping (${event.reason}): ${event.detail}\n`);
    if (quiet) return;
    if (event.type === 'judged' && ++judged % 100 === 0) io.stderr.write(`candor worker: ${judged} judgments\n`);
    if (event.type === 'unavailable')
      io.stderr.write(
        `candor worker: judge unavailable for response ${event.responseId}${event.gaveUp ? ' (given up; `candor judge run --enqueue` queues it again)' : ' (back to the queue)'}: ${event.detail}\n`,
      );
    if (event.type === 'lease_lost')
      io.stderr.write(
        `candor worker: lost the lease on ${event.itemIds.length} judge items (another worker took them over)\n`,
      );
  };
}

function progressPrinter(io: CliIo, quiet: boolean | undefined): (event: EngineEvent) => void {
  let outcomes = 0;
  return (event) => {
    if (event.type === 'stopping' && (event.reason !== 'empty' || !quiet))
      io.stderr.write(`candor worker: stopping (${event.reason}): ${event.detail}\n`);
    if (event.type === 'run_halted')
      io.stderr.write(`candor worker: halted run ${event.runId} (${event.reason}) for every worker: ${event.detail}\n`);
    if (quiet) return;
    if (event.type === 'outcome' && ++outcomes % 100 === 0) io.stderr.write(`candor worker: ${outcomes} outcomes\n`);
    if (event.type === 'lease_lost')
      io.stderr.write(
        `candor worker: lost the lease on ${event.itemIds.length} items (another worker took them over)\n`,
      );
    if (event.type === 'store_retry') io.stderr.write(`candor worker: store unavailable, retrying: ${event.detail}\n`);
    if (event.type === 'skipped') io.stderr.write(`candor worker: skipped item ${event.itemId}: ${event.detail}\n`);
  };
}

export function registerWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('process enqueued work (`candor run --enqueue`) from a shared store; run any number, on any machine')
    .addOption(shared('db'))
    .addOption(shared('concurrency', { defaultValue: '8' }))
    .option('--lease-ms <ms>', 'a dead worker’s items return to the queue this long after its last heartbeat', '60000')
    .option('--poll-ms <ms>', 'wait between looks at an empty queue', '1000')
    .option('--until-empty', 'exit once nothing is queued or leased (default: keep waiting for work until Ctrl-C)')
    .addOption(shared('run'))
    .addOption(shared('maxAttempts'))
    .addOption(shared('retryBaseMs'))
    .addOption(shared('config'))
    .addOption(formatOption(SUMMARY_FORMATS, 'text'))
    .option('--quiet', 'no progress output')
    .option('--only <kind>', 'collect or judge: process only this kind of item (default both)')
    .option('--judge-concurrency <n>', 'judge calls in flight at once in this worker (default: --concurrency)')
    .addHelpText(
      'after',
      `\nIt processes both kinds of work: answers to collect (\`candor run --enqueue\`) and responses to judge\n(\`candor judge run --enqueue\`). Ctrl-C stops claiming, gives unstarted items back, and lets requests in flight finish and be stored.\nThe guards of \`candor run --enqueue\` hold across workers: the first truncated answer (unless --allow-truncation), an\nunrecognised payload, or spending that could pass --max-cost halts the run for every worker; its other items stay queued\nuntil \`candor run --resume <id> --enqueue\` (with the guard relaxed) lifts the halt. A worker given --run stops with it.\nA judge whose first requests are all refused alike stops the judging loop; its items stay queued.\nExit codes: ${EXIT_CODES.ok} done, ${EXIT_CODES.error} an error, ${EXIT_CODES.refused} this worker halted a run or stopped judging (refused), ${EXIT_CODES.interrupted} interrupted.`,
    )
    .action(async (options: WorkerCommandOptions) => {
      const config = loadCandorConfig(options.config);
      if (options.only !== undefined && options.only !== 'collect' && options.only !== 'judge')
        throw new UsageError(`--only must be collect or judge (got "${options.only}")`);
      await withStore(options.db, io, async (store) => {
        const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
        const leaseMs = parseNumberOption('lease-ms', options.leaseMs, { integer: true, min: 100 }) ?? 60_000;
        const concurrency =
          parseNumberOption('concurrency', options.concurrency, { integer: true, min: 1, max: 10_000 }) ?? 8;
        const pollMs = parseNumberOption('poll-ms', options.pollMs, { integer: true, min: 10 }) ?? 1000;
        // When one loop fails, the other stops too (and gives its items back) instead of running on alone.
        const failed = new AbortController();
        const signal = io.signal ? AbortSignal.any([io.signal, failed.signal]) : failed.signal;
        const guard = <T>(work: Promise<T>) =>
          work.catch((error: unknown) => {
            failed.abort(error);
            throw error;
          });
        const judging =
          options.only === 'collect'
            ? Promise.resolve(null)
            : guard(
                runJudgeWorker({
                  store,
                  owner: `${owner}:judge`,
                  resolveJudge: createWorkerJudgeResolver(store, io, config),
                  concurrency:
                    parseNumberOption('judge-concurrency', options.judgeConcurrency, {
                      integer: true,
                      min: 1,
                      max: 10_000,
                    }) ?? concurrency,
                  leaseMs,
                  pollMs,
                  untilEmpty: options.untilEmpty ?? false,
                  runId: options.run,
                  signal,
                  onEvent: judgeProgressPrinter(io, options.quiet),
                }),
              );
        const collecting =
          options.only === 'judge'
            ? Promise.resolve(null)
            : guard(
                runWorker({
                  store,
                  owner,
                  concurrency,
                  leaseMs,
                  pollMs,
                  untilEmpty: options.untilEmpty ?? false,
                  runId: options.run,
                  retry: {
                    ...DEFAULT_RETRY_POLICY,
                    maxAttempts:
                      parseNumberOption('max-attempts', options.maxAttempts, { integer: true, min: 1, max: 20 }) ??
                      DEFAULT_RETRY_POLICY.maxAttempts,
                    baseDelayMs:
                      parseNumberOption('retry-base-ms', options.retryBaseMs, { min: 0 }) ??
                      DEFAULT_RETRY_POLICY.baseDelayMs,
                  },
                  signal,
                  createModel: (run, settings) =>
                    resolveModelSpec(settings.modelSpec, {
                      store,
                      env: io.env,
                      provider: config.provider,
                      baseURL: settings.baseURL,
                      apiKeyEnv: settings.apiKeyEnv,
                    }),
                  onEvent: progressPrinter(io, options.quiet),
                }),
              );
        const [summary, judged] = await Promise.allSettled([collecting, judging]);
        if (summary.status === 'rejected') throw summary.reason;
        if (judged.status === 'rejected') throw judged.reason;
        io.stdout.write(describeWorker(summary.value, judged.value, options.format));
        io.exitCode = workerExitCode(summary.value, judged.value);
      });
    });
}
