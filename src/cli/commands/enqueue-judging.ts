import { UsageError } from '../../core/index.js';
import type { ResponseFilter, CandorStore, JudgeSpecOptions } from '../../store/index.js';
import { displayLocation } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { resolveDbLocation } from '../resolve-db-location.js';
import { resolveJudge, type CandorConfig } from '../../specs/index.js';

export interface EnqueueJudgingOptions {
  spec: string;
  filter: ResponseFilter;
  config: CandorConfig;
  threshold?: number;
  /** Requests per window for the LLM judges' providers, shared by all workers. */
  rpm: number | null;
  rateWindowMs?: string;
  db?: string;
  io: CliIo;
}

/** Default spacing added to a shared window (as for `candor run --enqueue`). */
const SAFETY_MARGIN_MS = 250;

/** What workers need besides the spec to build the same judge: only a cascade's threshold. */
export function judgeSpecOptions(spec: string, threshold: number | undefined): JudgeSpecOptions {
  return spec.includes('cascade:') ? { threshold: threshold ?? 0.9 } : {};
}

/**
 * `candor judge run --enqueue`: one 'judge' work item per current response that this judge (id +
 * version) has not judged yet; `candor worker` processes them. Returns what to print.
 */
export async function enqueueJudging(store: CandorStore, options: EnqueueJudgingOptions): Promise<string> {
  // The spec is stored for every worker to read: endpoints and keys belong in each machine's config and environment.
  if (options.spec.includes('://'))
    throw new UsageError(
      `--judge with --enqueue takes a judge spec, not a URL: put custom endpoints in --config (each worker passes the same --config)`,
    );
  const providerKeys = new Set<string>();
  const { judge } = await resolveJudge(options.spec, {
    store,
    io: options.io,
    config: options.config,
    threshold: options.threshold,
    sharedLimiter: async (key) => {
      providerKeys.add(key);
      return undefined;
    },
  });
  const responses = await store.listResponsesToJudge({
    ...options.filter,
    judgeId: judge.id,
    judgeVersion: judge.version,
  });
  const result = await store.enqueueJudgeWork({
    judgeSpec: options.spec,
    judgeOptions: judgeSpecOptions(options.spec, options.threshold),
    judgeId: judge.id,
    judgeVersion: judge.version,
    responseIds: responses.map((row) => row.responseId),
  });
  const lines = [
    `judge ${judge.id}@${judge.version}: enqueued ${result.added} judge items (${responses.length} responses without its judgment, ${result.requeued} queued again after the judge was unavailable, ${responses.length - result.added - result.requeued} already queued)`,
  ];
  if (options.rpm !== null) {
    if (providerKeys.size === 0) lines.push(`--rpm ignored: ${options.spec} calls no provider`);
    const windowMs = parseNumberOption('rate-window-ms', options.rateWindowMs, { integer: true, min: 1 }) ?? 60_000;
    for (const key of providerKeys) {
      await store.putRateLimit({
        key,
        requestsPerWindow: options.rpm,
        tokensPerWindow: null,
        windowMs,
        safetyMarginMs: SAFETY_MARGIN_MS,
      });
      lines.push(`shared rate limit for ${key}: ${options.rpm} requests per ${windowMs} ms, across all workers`);
    }
  }
  const location = displayLocation(resolveDbLocation(options.db, options.io));
  lines.push(
    `start workers (any number, any machine that reaches the store): candor worker --db '${location}' --until-empty${providerKeys.size > 0 ? ' --config <the same config>' : ''}`,
  );
  return lines.join('\n') + '\n';
}
