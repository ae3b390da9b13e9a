import { CandorError } from '../core/index.js';
import { CANDOR_RUBRIC_VERSION, createLlmJudge, JudgeUnavailableError, type Judge } from '../judge/index.js';
import type { GenerateRequest, ProviderModel, ReasoningSetting, RequestPlan } from '../providers/index.js';
import { ask, DEFAULT_RETRY_POLICY, planAsk, type RetryPolicy } from './ask.js';
import type { RateLimiter } from './rate-limiter.js';
import { watchDeterministicRefusals } from './watch-deterministic-refusals.js';

/** Per-model settings for a judge, from the same config entry as a run's (`models.<spec>`). */
export interface JudgeModelSettings {
  /** Room for the verdict itself (thinking gets its own allowance on top). Default 1024. */
  maxTokens?: number;
  /** Default 0 where the model takes a temperature. */
  temperature?: number;
  /** Default: the model's lowest setting when it reasons by default, otherwise nothing. */
  reasoning?: ReasoningSetting;
  extraBody?: Record<string, unknown>;
}

export interface ModelJudgeOptions {
  judgeId: string;
  limiter?: RateLimiter;
  retry?: RetryPolicy;
  maxTokens?: number;
  settings?: JudgeModelSettings;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What the judge sent before capability planning existed: its judgments keep their version. */
const LEGACY_SENT = JSON.stringify({ maxTokens: 1024, temperature: 0, reasoning: {} });

/**
 * The judge's request, fitted to its model: temperature 0 only where the model takes one, the
 * lowest reasoning setting on models that reason by default, an output cap that covers thinking.
 */
export function judgeRequest(
  model: ProviderModel,
  settings: JudgeModelSettings = {},
  maxTokens = 1024,
): { request: GenerateRequest; plan: RequestPlan | null } {
  const base: GenerateRequest = {
    prompt: '',
    systemPrompt: null,
    maxTokens: settings.maxTokens ?? maxTokens,
    temperature: settings.temperature ?? 0,
    reasoning: settings.reasoning ?? null,
    timeoutMs: null,
    onRefusedSetting: 'drop',
    ...(settings.extraBody ? { providerOptions: { extraBody: settings.extraBody } } : {}),
  };
  const first = model.describeRequest?.(base) ?? null;
  if (settings.reasoning === undefined && first?.thinking) {
    const lowest = { ...base, reasoning: 'off' as const };
    return { request: lowest, plan: model.describeRequest!(lowest) };
  }
  return { request: base, plan: first };
}

/**
 * The judge's version: the rubric's, plus the settings actually sent when they differ from the
 * original judge request (temperature 0, 1024 tokens, nothing else), so that two configurations
 * are never stored under one version.
 */
export function judgeVersion(plan: RequestPlan | null, extraBody: Record<string, unknown> | undefined): string {
  if (!plan) return CANDOR_RUBRIC_VERSION;
  const sent = { maxTokens: plan.maxTokens, temperature: plan.temperature, reasoning: plan.reasoningFields };
  if (JSON.stringify(sent) === LEGACY_SENT && !extraBody) return CANDOR_RUBRIC_VERSION;
  const parts = [
    `${plan.tokenField}=${plan.maxTokens ?? '-'}`,
    `temperature=${plan.temperature ?? '-'}`,
    ...Object.entries(plan.reasoningFields).map(([key, value]) => `${key}=${JSON.stringify(value)}`),
  ];
  if (extraBody) parts.push(`extra=${JSON.stringify(extraBody)}`);
  return `${CANDOR_RUBRIC_VERSION}+${parts.join(';')}`;
}

/** The judge's first requests were all refused alike: judging stops (exit code 3) instead of labelling nothing. */
export class JudgeRefusedError extends CandorError {
  constructor(judgeId: string, detail: string) {
    super('provider_refused', `judge ${judgeId} ${detail}`);
  }
}

/** An LLM judge over any provider model, asked through the runner's one ask(): rate limit, retries, output cap. */
export function createModelJudge(model: ProviderModel, options: ModelJudgeOptions): Judge {
  const { request: template, plan } = judgeRequest(model, options.settings, options.maxTokens);
  const refusals = watchDeterministicRefusals();
  let refused: string | null = null;
  return createLlmJudge({
    judgeId: options.judgeId,
    version: judgeVersion(plan, options.settings?.extraBody),
    async generate(prompt, { signal }) {
      if (refused) throw new JudgeRefusedError(options.judgeId, refused);
      const answer = await ask(planAsk(model, { ...template, prompt }, null), {
        model,
        limiter: options.limiter,
        retry: options.retry ?? DEFAULT_RETRY_POLICY,
        price: null,
        signal,
        sleep: options.sleep,
      });
      if (answer === null) {
        // Interrupted while waiting for a slot or a retry; otherwise the slot could not be taken.
        if (signal?.aborted) throw signal.reason;
        throw new JudgeUnavailableError(
          `judge ${options.judgeId}: no rate-limit slot could be taken; judge again later`,
        );
      }
      const { outcome } = answer;
      refused ??= refusals.observe(outcome);
      if (refused) throw new JudgeRefusedError(options.judgeId, refused);
      return { status: outcome.status, finalText: outcome.finalText, statusDetail: outcome.statusDetail };
    },
  });
}
