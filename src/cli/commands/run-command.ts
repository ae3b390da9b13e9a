import type { Command } from 'commander';
import { CandorError, NotFoundError, type Run, UsageError } from '../../core/index.js';
import {
  REASONING_SETTINGS,
  toOpenRouterSlug,
  type OpenRouterRouting,
  type ReasoningSetting,
} from '../../providers/index.js';
import {
  createRateLimiter,
  createRunRecord,
  DEFAULT_PRICES,
  DEFAULT_RETRY_POLICY,
  executeRun,
  findPrice,
  gitCommit,
  type CollectionSettings,
  type RunExecutionSummary,
  type RunGuards,
  type TokenPrice,
  toGenerateRequest,
} from '../../runner/index.js';
import type { CandorStore } from '../../store/index.js';
import { DEFAULT_BUILTIN_SET } from '../../datasets/index.js';
import { CANDOR_VERSION } from '../candor-version.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { parseExtraBody, planProvenance, preflightRequest } from '../preflight-request.js';
import { parseNumberOption } from '../parse-number-option.js';
import { resolveQuestionSet } from '../resolve-question-set.js';
import { createRunProgress } from '../run-progress.js';
import { withStore } from '../with-store.js';
import { enqueueRun, type PreparedRun } from './enqueue-run.js';
import { loadCandorConfig, resolveModelSpec, type CandorConfig } from '../../specs/index.js';
import { EXIT_CODES } from '../exit-codes.js';
import { formatOption, shared, SHARED_OPTIONS, SUMMARY_FORMATS } from '../cli-options.js';

export interface RunCommandOptions {
  model?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  set?: string;
  samples?: string;
  concurrency?: string;
  rpm?: string;
  tpm?: string;
  maxTokens?: string;
  temperature?: string;
  reasoning?: string;
  systemPrompt?: string;
  timeout?: string;
  maxCost?: string;
  maxAttempts?: string;
  retryBaseMs?: string;
  allowTruncation?: boolean;
  resume?: string;
  runId?: string;
  orIgnore?: string;
  orAllow?: string;
  orOnly?: string;
  orForce?: string;
  orNoDefaultIgnore?: boolean;
  price?: string;
  config?: string;
  format?: string;
  quiet?: boolean;
  db?: string;
  enqueue?: boolean;
  rateWindowMs?: string;
  rateMarginMs?: string;
  extraBody?: string;
}

/** Exit code of a run: ok finished, refused stopped by a guard (truncation, budget, quarantine), error the store failed, interrupted Ctrl-C. */
export function runExitCode(summary: RunExecutionSummary): number {
  if (summary.state === 'finished' && (summary.stopReason === null || summary.stopReason === 'interrupted'))
    return EXIT_CODES.ok;
  if (summary.stopReason === 'interrupted') return EXIT_CODES.interrupted;
  if (summary.stopReason === 'store_error') return EXIT_CODES.error;
  return EXIT_CODES.refused;
}

function parseRouting(options: RunCommandOptions): OpenRouterRouting | null {
  const routing: OpenRouterRouting = {};
  if (options.orIgnore) routing.ignore = parseListOption(options.orIgnore);
  if (options.orAllow) routing.allow = parseListOption(options.orAllow);
  if (options.orOnly) routing.only = parseListOption(options.orOnly);
  if (options.orForce) routing.force = options.orForce;
  if (options.orNoDefaultIgnore) routing.replaceDefaultIgnore = true;
  // Names are checked against OpenRouter's provider list now, not at the first request.
  for (const name of [
    ...(routing.ignore ?? []),
    ...(routing.allow ?? []),
    ...(routing.only ?? []),
    ...(routing.force ? [routing.force] : []),
  ])
    toOpenRouterSlug(name);
  return Object.keys(routing).length > 0 ? routing : null;
}

function parsePrice(value: string | undefined): TokenPrice | null {
  if (!value) return null;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part) || part < 0)) {
    throw new UsageError(`--price must be "prompt,completion" in USD per million tokens (got "${value}")`);
  }
  return { prompt: parts[0]!, completion: parts[1]! };
}

function settingsFromOptions(options: RunCommandOptions, config: CandorConfig): CollectionSettings {
  if (!options.model)
    throw new UsageError('--model is required (e.g. openrouter:deepseek/deepseek-r1), unless you --resume a run');
  const perModel = config.models[options.model] ?? {};
  const reasoning = options.reasoning ?? perModel.reasoning ?? null;
  if (reasoning !== null && !(REASONING_SETTINGS as readonly string[]).includes(reasoning)) {
    throw new UsageError(`--reasoning must be one of ${REASONING_SETTINGS.join(', ')} (got "${reasoning}")`);
  }
  return {
    modelSpec: options.model,
    baseURL: options.baseUrl ?? perModel.baseURL ?? null,
    maxTokens:
      parseNumberOption('max-tokens', options.maxTokens, { integer: true, min: 1 }) ?? perModel.maxTokens ?? 4096,
    temperature:
      parseNumberOption('temperature', options.temperature, { min: 0, max: 2 }) ?? perModel.temperature ?? null,
    reasoning: reasoning as ReasoningSetting,
    systemPrompt: options.systemPrompt ?? perModel.systemPrompt ?? null,
    samples: parseNumberOption('samples', options.samples, { integer: true, min: 1, max: 1000 }) ?? 1,
    timeoutMs: (parseNumberOption('timeout', options.timeout, { min: 1 }) ?? 600) * 1000,
    routing: parseRouting(options),
    apiKeyEnv: options.apiKeyEnv ?? perModel.apiKeyEnv ?? null,
    extraBody: parseExtraBody(options.extraBody) ?? perModel.extraBody ?? null,
  };
}

const FIXED_ON_RESUME = [
  'model',
  'baseUrl',
  'set',
  'samples',
  'maxTokens',
  'temperature',
  'reasoning',
  'systemPrompt',
  'orIgnore',
  'orAllow',
  'orOnly',
  'orForce',
  'extraBody',
] as const;

/** Creates or resumes a run and executes it; shared by `run` and `retry`. */
export async function executeRunCommand(
  store: CandorStore,
  io: CliIo,
  options: RunCommandOptions,
  extra: { redo?: ReadonlySet<string>; run?: Run } = {},
): Promise<RunExecutionSummary> {
  const prepared = await prepareRunCommand(store, io, options, extra);
  const { run, settings, model, questions, rpm, tpm } = prepared;
  const { price, maxCostUsd, allowTruncation } = runGuardsFromOptions(options, prepared, io);
  const progress = createRunProgress(io, { quiet: options.quiet });
  io.stderr.write(
    `run ${run.id}: ${run.modelId} via ${model.provider} on set ${run.setName} (${questions.length} questions × ${settings.samples} samples)\n`,
  );
  try {
    return await executeRun({
      store,
      run,
      settings,
      model,
      questions,
      concurrency: parseNumberOption('concurrency', options.concurrency, { integer: true, min: 1, max: 10_000 }) ?? 8,
      limiter:
        rpm !== null || tpm !== null ? createRateLimiter({ requestsPerMinute: rpm, tokensPerMinute: tpm }) : undefined,
      retry: {
        ...DEFAULT_RETRY_POLICY,
        maxAttempts:
          parseNumberOption('max-attempts', options.maxAttempts, { integer: true, min: 1, max: 20 }) ??
          DEFAULT_RETRY_POLICY.maxAttempts,
        baseDelayMs:
          parseNumberOption('retry-base-ms', options.retryBaseMs, { min: 0 }) ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      },
      maxCostUsd,
      price,
      allowTruncation,
      redo: extra.redo,
      signal: io.signal,
      onEvent: progress.onEvent,
    });
  } finally {
    progress.stop();
  }
}

/** --allow-truncation, --max-cost and the price the budget is counted at (warns when none is known). */
function runGuardsFromOptions(
  options: RunCommandOptions,
  prepared: { run: Run; config: { prices?: Record<string, TokenPrice> } },
  io: CliIo,
): RunGuards {
  const price =
    parsePrice(options.price) ?? findPrice(prepared.run.modelId, { ...DEFAULT_PRICES, ...prepared.config.prices });
  const maxCostUsd = parseNumberOption('max-cost', options.maxCost, { min: 0 }) ?? null;
  if (maxCostUsd !== null && !price) {
    io.stderr.write(
      `candor: no price known for ${prepared.run.modelId}; the budget counts only provider-reported costs (set --price or a config "prices" entry)\n`,
    );
  }
  return { allowTruncation: options.allowTruncation ?? false, maxCostUsd, price };
}

/** Creates (or finds, on --resume) the run a command works on, its model, questions and limits. */
export async function prepareRunCommand(
  store: CandorStore,
  io: CliIo,
  options: RunCommandOptions,
  extra: { run?: Run } = {},
): Promise<PreparedRun & { config: CandorConfig }> {
  const config = loadCandorConfig(options.config);
  let run: Run;
  let settings: CollectionSettings;
  if (extra.run || options.resume) {
    const found = extra.run ?? (await store.getRun(options.resume!));
    if (!found) throw new NotFoundError(`run "${options.resume}"`, 'see `candor run list`');
    const fixed = FIXED_ON_RESUME.filter((name) => options[name] !== undefined);
    if (fixed.length > 0) {
      throw new UsageError(
        `a resumed run keeps its settings; drop ${fixed.map((name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`).join(', ')} or start a new run`,
      );
    }
    if (!('modelSpec' in found.settings)) {
      throw new CandorError(
        'run_not_resumable',
        `run "${found.id}" was imported (${found.provider}), not collected by Candor; it cannot be resumed`,
      );
    }
    run = found;
    settings = found.settings as unknown as CollectionSettings;
  } else {
    settings = settingsFromOptions(options, config);
    const { set } = await resolveQuestionSet(store, options.set ?? DEFAULT_BUILTIN_SET, io.cwd);
    const probe = await buildModel(store, settings, options, config, io);
    // Refuses settings the model cannot take before anything is stored or sent; notes go out once.
    const plan = preflightRequest(probe, toGenerateRequest(settings, ''), io, 'run');
    run = createRunRecord({
      requestPlan: planProvenance(plan),
      runId: options.runId,
      modelId: probe.modelId,
      provider: probe.provider,
      set,
      settings,
      candorVersion: CANDOR_VERSION,
      gitCommit: gitCommit(new URL('../../..', import.meta.url).pathname),
    });
    await store.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
    if (!(await store.putRun(run))) throw new UsageError(`run "${run.id}" exists already; use --resume ${run.id}`);
  }
  const model = await buildModel(store, settings, options, config, io);
  if (extra.run || options.resume) preflightRequest(model, toGenerateRequest(settings, ''), io, 'run');
  const questions = await store.getQuestions(run.setName);
  const rateLimit = config.rateLimits[model.provider] ?? {};
  const rpm = parseNumberOption('rpm', options.rpm, { min: 1 }) ?? rateLimit.rpm ?? null;
  const tpm = parseNumberOption('tpm', options.tpm, { min: 1 }) ?? rateLimit.tpm ?? null;
  return { run, settings, model, questions, rpm, tpm, config };
}

async function buildModel(
  store: CandorStore,
  settings: CollectionSettings,
  options: RunCommandOptions,
  config: CandorConfig,
  io: CliIo,
) {
  return resolveModelSpec(settings.modelSpec, {
    store,
    env: io.env,
    provider: config.provider,
    baseURL: settings.baseURL,
    apiKeyEnv: settings.apiKeyEnv ?? options.apiKeyEnv,
  });
}

/** The closing account of a run, on stdout. */
export function describeRun(summary: RunExecutionSummary, format: string | undefined): string {
  if (format === 'json') return JSON.stringify(summary, null, 2) + '\n';
  const statuses = Object.entries(summary.statusCounts)
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  const lines = [
    `run ${summary.runId}: ${summary.state}${summary.stopReason ? ` (${summary.stopReason})` : ''}`,
    `stored ${summary.stored} outcomes${statuses ? `: ${statuses}` : ''}; cost $${summary.costUsd.toFixed(4)}; ${(summary.elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (summary.stopDetail) lines.push(summary.stopDetail);
  if (summary.remaining > 0) lines.push(`${summary.remaining} still to ask: candor run --resume ${summary.runId}`);
  return lines.join('\n') + '\n';
}

export function addRunOptions(command: Command): Command {
  return command
    .addOption(shared('concurrency', { defaultValue: '8' }))
    .addOption(shared('rpm'))
    .addOption(shared('tpm'))
    .option('--max-cost <usd>', 'stop before spending more than this')
    .addOption(shared('maxAttempts'))
    .addOption(shared('retryBaseMs'))
    .option('--allow-truncation', 'keep going after an answer hits the output limit')
    .option('--price <prompt,completion>', 'USD per million tokens, for cost when the provider reports none')
    .addOption(shared('config'))
    .addOption(formatOption(SUMMARY_FORMATS, 'text'))
    .option('--quiet', 'no progress output')
    .addOption(shared('db'));
}

export function registerRunCommand(program: Command, io: CliIo): void {
  const command = program
    .command('run')
    // `run list` and `run retry` are subcommands: options after their name are theirs, not run's.
    .enablePositionalOptions()
    .description('ask a model every question of a set and store each outcome as it arrives')
    .addOption(shared('model'))
    .addOption(shared('baseUrl'))
    .addOption(shared('apiKeyEnv'))
    .addOption(shared('set', { description: `${SHARED_OPTIONS.set.description} (default ${DEFAULT_BUILTIN_SET})` }))
    .option('--samples <n>', 'answers per question (default 1)')
    .option('--max-tokens <n>', 'output limit per answer (default 4096)')
    .addOption(shared('temperature'))
    .addOption(shared('reasoning'))
    .option('--system-prompt <text>', 'system prompt (default none)')
    .addOption(shared('extraBody'))
    .option('--timeout <seconds>', 'per-request timeout (default 600)')
    .option(
      '--or-ignore <upstreams>',
      "OpenRouter: also exclude these upstreams, by slug or display name (Azure, Amazon Bedrock, Google, Google AI Studio and Novita are excluded by default, except a creator's own for its models)",
    )
    .option('--or-allow <upstreams>', 'OpenRouter: take these back out of the excluded list')
    .option('--or-only <upstreams>', 'OpenRouter: only these upstreams may serve')
    .option('--or-force <upstream>', 'OpenRouter: exactly this upstream, no fallback')
    .option('--or-no-default-ignore', 'OpenRouter: do not exclude the known-moderated upstreams')
    .option('--resume <run-id>', 'continue a run: ask only what has no outcome yet')
    .option('--run-id <id>', 'name the new run (default: model-set-time-random)')
    .option(
      '--enqueue',
      'plan the run as work items for `candor worker` processes instead of asking here (--rpm/--tpm become limits shared by all workers; --max-cost and --allow-truncation become guards every worker enforces)',
    )
    .addOption(shared('rateWindowMs'))
    .option(
      '--rate-margin-ms <ms>',
      'with --enqueue: spacing added to the window against network jitter (default 250)',
    );
  addRunOptions(command)
    .addHelpText(
      'after',
      `\nEvery outcome is committed as it arrives; Ctrl-C lets requests in flight finish, then leaves a run you can --resume.\nThe first truncated answer stops the run unless --allow-truncation; a payload nobody recognises is quarantined and stops it.\nExit codes: ${EXIT_CODES.ok} finished, ${EXIT_CODES.refused} stopped by a guard (truncation, budget, unknown payload), ${EXIT_CODES.error} the store failed, ${EXIT_CODES.interrupted} interrupted.\n\nExample:\n  candor run --model openai-compatible:mock --base-url http://127.0.0.1:8787/v1 --set questions.jsonl --concurrency 16 --rpm 600`,
    )
    .action(async (options: RunCommandOptions) => {
      await withStore(options.db, io, async (store) => {
        if (options.enqueue) {
          const prepared = await prepareRunCommand(store, io, options);
          const guards = runGuardsFromOptions(options, prepared, io);
          io.stdout.write(
            await enqueueRun(store, prepared, {
              rateWindowMs: options.rateWindowMs,
              rateMarginMs: options.rateMarginMs,
              db: options.db,
              io,
              guards,
            }),
          );
          return;
        }
        const summary = await executeRunCommand(store, io, options);
        io.stdout.write(describeRun(summary, options.format));
        io.exitCode = runExitCode(summary);
      });
    });
}
