import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import { createProviderModel, type ProviderModel } from '../../providers/index.js';
import type { AuthoringSummary, EngineEvent } from '../../runner/engine-events.js';
import { createRateLimiter, withExtraBody, type RateLimiter } from '../../runner/index.js';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../create-progress.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseExtraBody, preflightRequest } from '../preflight-request.js';
import { loadCandorConfig } from '../../specs/index.js';
import { EXIT_CODES } from '../exit-codes.js';
import { formatOption, shared, SUMMARY_FORMATS } from '../cli-options.js';

/** Options `sets translate` and `sets generate` share. */
export interface AuthoringCommandOptions {
  model?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  setName?: string;
  out?: string;
  concurrency?: string;
  rpm?: string;
  maxAttempts?: string;
  retryBaseMs?: string;
  maxTokens?: string;
  temperature?: string;
  extraBody?: string;
  config?: string;
  format?: string;
  quiet?: boolean;
  db?: string;
}

/** Adds the shared options: model, endpoint, limits, attempts, output file, store. */
export function addAuthoringOptions(command: Command): Command {
  return command
    .addOption(shared('model'))
    .addOption(shared('baseUrl'))
    .addOption(shared('apiKeyEnv'))
    .addOption(shared('setName'))
    .option('--out <file.jsonl>', 'also write the whole resulting set as a Candor JSONL file')
    .addOption(shared('concurrency', { defaultValue: '4' }))
    .addOption(shared('rpm'))
    .addOption(shared('maxAnswers'))
    .addOption(shared('retryBaseMs'))
    .option('--max-tokens <n>', 'output limit per answer (default 2048)')
    .addOption(shared('temperature'))
    .addOption(shared('extraBody'))
    .addOption(shared('config'))
    .addOption(formatOption(SUMMARY_FORMATS, 'text'))
    .option('--quiet', 'no progress output')
    .addOption(shared('db'));
}

/** The model, limiter and numeric settings the options name. */
export function authoringSettings(
  options: AuthoringCommandOptions,
  io: CliIo,
): {
  model: ProviderModel;
  modelSpec: string;
  limiter: RateLimiter | undefined;
  concurrency: number;
  maxAttempts: number;
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  maxTokens: number;
  temperature: number | null;
  extraBody: Record<string, unknown> | null;
} {
  if (!options.model) throw new UsageError('--model is required (e.g. openrouter:openai/gpt-4o-mini)');
  const config = loadCandorConfig(options.config);
  // Endpoint and key variable from the same config entry a run of this model uses.
  const perModel = config.models[options.model] ?? {};
  const model = createProviderModel(options.model, {
    baseURL: options.baseUrl ?? perModel.baseURL,
    apiKeyEnv: options.apiKeyEnv ?? perModel.apiKeyEnv,
    config: config.provider,
    env: io.env,
  });
  const rpm = parseNumberOption('rpm', options.rpm, { min: 1 }) ?? config.rateLimits[model.provider]?.rpm ?? null;
  const maxTokens = parseNumberOption('max-tokens', options.maxTokens, { integer: true, min: 1 }) ?? 2048;
  const temperature = parseNumberOption('temperature', options.temperature, { min: 0, max: 2 }) ?? null;
  // As for a run: --extra-body, else the config entry's.
  const extraBody = parseExtraBody(options.extraBody) ?? perModel.extraBody ?? null;
  // A temperature the model refuses stops here, before any request; adjustments are printed once.
  preflightRequest(
    model,
    withExtraBody(
      { prompt: '', systemPrompt: null, maxTokens, temperature, reasoning: null, timeoutMs: null },
      extraBody,
    ),
    io,
    'authoring',
  );
  return {
    model,
    modelSpec: options.model,
    limiter: rpm !== null ? createRateLimiter({ requestsPerMinute: rpm }) : undefined,
    concurrency: parseNumberOption('concurrency', options.concurrency, { integer: true, min: 1, max: 1000 }) ?? 4,
    maxAttempts: parseNumberOption('max-attempts', options.maxAttempts, { integer: true, min: 1, max: 20 }) ?? 3,
    retry: {
      maxAttempts: 5,
      baseDelayMs: parseNumberOption('retry-base-ms', options.retryBaseMs, { min: 0 }) ?? 1000,
      maxDelayMs: 60_000,
    },
    maxTokens,
    temperature,
    extraBody,
  };
}

/** A progress display fed by authoring events; rejected answers and failures are printed as they happen. */
export function authoringProgress(
  io: CliIo,
  label: string,
  quiet: boolean | undefined,
): { onEvent: (event: EngineEvent) => void; stop: () => void } {
  const progress = createProgress(io, label, { quiet });
  let total = 0;
  let done = 0;
  return {
    onEvent(event) {
      if (event.type === 'start') {
        total = event.pending;
        io.stderr.write(
          `${label} into set ${event.setName}: ${event.pending} to do, ${event.alreadyDone} already done\n`,
        );
      } else if (event.type === 'rejected') {
        if (!quiet) io.stderr.write(`${event.id}: answer ${event.attempt} rejected: ${event.reason}\n`);
      } else if (event.type === 'accepted' || event.type === 'failed') {
        done += 1;
        progress.update(done, total, event.type === 'failed' ? `(${event.id} failed)` : '');
      }
    },
    stop: () => progress.stop(),
  };
}

/** The closing account on stdout; failures on stderr; exit code 3 when items failed, 130 when interrupted. */
export function reportAuthoring(io: CliIo, summary: AuthoringSummary, unit: string, format: string | undefined): void {
  for (const failure of summary.failed) io.stderr.write(`${failure.id}: gave up\n  ${failure.reasons.join('\n  ')}\n`);
  if (format === 'json') io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
  else {
    const lines = [
      `set ${summary.setName}: ${summary.stored} ${unit} stored now, ${summary.alreadyDone} already there, ${summary.failed.length} failed, of ${summary.total}`,
      `${summary.requests} requests; cost $${summary.costUsd.toFixed(4)}`,
    ];
    if (summary.interrupted) lines.push('interrupted: run the same command again to resume');
    else if (summary.failed.length > 0) lines.push('run the same command again to retry the failed ones');
    io.stdout.write(lines.join('\n') + '\n');
  }
  io.exitCode = summary.interrupted
    ? EXIT_CODES.interrupted
    : summary.failed.length > 0
      ? EXIT_CODES.refused
      : EXIT_CODES.ok;
}
