import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import {
  MissingApiKeyError,
  REASONING_SETTINGS,
  UnsupportedSettingError,
  type GenerateRequest,
  type ProviderModel,
  type ReasoningSetting,
} from '../../providers/index.js';
import { costFromUsage, DEFAULT_PRICES, findPrice } from '../../runner/index.js';
import { createProviderModel } from '../../providers/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseExtraBody, planProvenance } from '../preflight-request.js';
import { loadCandorConfig, type CandorConfig } from '../../specs/index.js';
import { EXIT_CODES } from '../exit-codes.js';
import { formatOption, shared, SUMMARY_FORMATS } from '../cli-options.js';

interface DoctorOptions {
  reasoning?: string;
  temperature?: string;
  maxTokens?: string;
  baseUrl?: string;
  apiKeyEnv?: string;
  extraBody?: string;
  config?: string;
  timeout?: string;
  format?: string;
}

/** One model's preflight result. */
export interface DoctorReport {
  model: string;
  ok: boolean;
  /** What Candor sends under these settings: capability row, parameters, adjustments. */
  willSend: Record<string, unknown> | null;
  keyFound: boolean | null;
  reachable: boolean;
  httpStatus: number | null;
  status: string | null;
  paramsAccepted: boolean | null;
  reasoningSeen: boolean;
  upstreamRoute: string | null;
  latencyMs: number | null;
  costUsd: number | null;
  problem: string | null;
}

const PROMPT = 'Reply with the single word OK.';

async function checkModel(
  spec: string,
  options: DoctorOptions,
  config: CandorConfig,
  io: CliIo,
): Promise<DoctorReport> {
  const report: DoctorReport = {
    model: spec,
    ok: false,
    willSend: null,
    keyFound: null,
    reachable: false,
    httpStatus: null,
    status: null,
    paramsAccepted: null,
    reasoningSeen: false,
    upstreamRoute: null,
    latencyMs: null,
    costUsd: null,
    problem: null,
  };
  const perModel = config.models[spec] ?? {};
  let model: ProviderModel;
  try {
    model = createProviderModel(spec, {
      config: config.provider,
      env: io.env,
      baseURL: options.baseUrl ?? perModel.baseURL,
      apiKeyEnv: options.apiKeyEnv ?? perModel.apiKeyEnv,
    });
  } catch (error) {
    return { ...report, problem: (error as Error).message };
  }
  const reasoning = (options.reasoning ?? perModel.reasoning ?? null) as ReasoningSetting;
  const extraBody = parseExtraBody(options.extraBody) ?? perModel.extraBody ?? null;
  const request: GenerateRequest = {
    prompt: PROMPT,
    systemPrompt: null,
    maxTokens:
      parseNumberOption('max-tokens', options.maxTokens, { integer: true, min: 1 }) ?? perModel.maxTokens ?? 64,
    temperature:
      parseNumberOption('temperature', options.temperature, { min: 0, max: 2 }) ?? perModel.temperature ?? null,
    reasoning,
    timeoutMs: (parseNumberOption('timeout', options.timeout, { min: 1 }) ?? 60) * 1000,
    ...(extraBody ? { providerOptions: { extraBody } } : {}),
  };
  try {
    report.willSend = planProvenance(model.describeRequest?.(request) ?? null);
  } catch (error) {
    if (error instanceof UnsupportedSettingError) return { ...report, problem: error.message };
    throw error;
  }
  try {
    const outcome = await model.doGenerate(request);
    report.keyFound = true;
    report.reachable = outcome.httpStatus !== null;
    report.httpStatus = outcome.httpStatus;
    report.status = outcome.status;
    report.paramsAccepted =
      outcome.httpStatus !== null ? outcome.httpStatus < 400 || outcome.status === 'moderation' : null;
    report.reasoningSeen = outcome.reasoningText !== null || (outcome.usage.reasoningTokens ?? 0) > 0;
    report.upstreamRoute = outcome.upstreamRoute;
    report.latencyMs = outcome.latencyMs;
    report.costUsd =
      outcome.costUsd ??
      costFromUsage(outcome.usage, findPrice(model.modelId, { ...DEFAULT_PRICES, ...config.prices }));
    report.ok = outcome.status === 'success';
    if (!report.ok) report.problem = outcome.statusDetail ?? outcome.status;
  } catch (error) {
    if (!(error instanceof MissingApiKeyError)) throw error;
    report.keyFound = false;
    report.problem = error.message;
  }
  return report;
}

function describeReport(report: DoctorReport): string {
  const yesNo = (value: boolean | null) => (value === null ? '?' : value ? 'yes' : 'no');
  const lines = [`${report.ok ? 'ok  ' : 'FAIL'} ${report.model}`];
  if (report.willSend) {
    const sent = Object.entries(report.willSend).filter(([key]) => key !== 'notes' && key !== 'capability');
    lines.push(
      `  sends by default: ${sent.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')} (capability row: ${String(report.willSend['capability'] ?? 'none: not in the table')})`,
    );
    for (const note of (report.willSend['notes'] as string[]) ?? []) lines.push(`  note: ${note}`);
  }
  lines.push(
    `  key found: ${yesNo(report.keyFound)}; reachable: ${yesNo(report.reachable)}${report.httpStatus !== null ? ` (HTTP ${report.httpStatus})` : ''}; parameters accepted: ${yesNo(report.paramsAccepted)}; reasoning seen: ${yesNo(report.reasoningSeen)}`,
  );
  if (report.reachable)
    lines.push(
      `  upstream: ${report.upstreamRoute ?? '-'}; latency ${report.latencyMs} ms; cost ${report.costUsd === null ? 'unknown' : `$${report.costUsd.toFixed(6)}`}; status ${report.status}`,
    );
  if (report.problem) lines.push(`  problem: ${report.problem}`);
  return lines.join('\n');
}

export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command('doctor')
    .description(
      'preflight before a study: one tiny request per model — key, reachability, parameters accepted, reasoning, upstream, latency, cost, and what Candor sends',
    )
    .argument('<model-specs...>', 'provider:model-id, e.g. openai:gpt-5-mini anthropic:claude-opus-4-7')
    .addOption(shared('reasoning'))
    .addOption(shared('temperature'))
    .option('--max-tokens <n>', 'room for the answer (default 64; thinking gets its allowance on top)')
    .addOption(shared('baseUrl'))
    .addOption(shared('apiKeyEnv'))
    .addOption(shared('extraBody'))
    .addOption(shared('config'))
    .option('--timeout <seconds>', 'per-request timeout (default 60)')
    .addOption(formatOption(SUMMARY_FORMATS, 'text'))
    .addHelpText('after', '\nExit code 0 when every model answered, 1 otherwise. Costs one short request per model.')
    .action(async (specs: string[], options: DoctorOptions) => {
      if (options.reasoning !== undefined && !(REASONING_SETTINGS as readonly string[]).includes(options.reasoning)) {
        throw new UsageError(
          `--reasoning must be one of ${REASONING_SETTINGS.join(', ')} (got "${options.reasoning}")`,
        );
      }
      if (options.format !== 'text' && options.format !== 'json')
        throw new UsageError(`--format must be text or json (got "${options.format}")`);
      const config = loadCandorConfig(options.config);
      const reports: DoctorReport[] = [];
      for (const spec of specs) reports.push(await checkModel(spec, options, config, io));
      io.stdout.write(
        options.format === 'json'
          ? JSON.stringify(reports, null, 2) + '\n'
          : reports.map(describeReport).join('\n') + '\n',
      );
      io.exitCode = reports.every((report) => report.ok) ? EXIT_CODES.ok : EXIT_CODES.error;
    });
}
