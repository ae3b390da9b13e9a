import { CandorError } from '../core/index.js';
import { CANDOR_RUBRIC_VERSION, createLlmJudge, type Judge } from '../judge/index.js';
import { watchDeterministicRefusals } from './watch-deterministic-refusals.js';
import {
  retryWithBackoff,
  type GenerateRequest,
  type ProviderModel,
  type ReasoningSetting,
  type RequestPlan,
} from '../providers/index.js';
import { estimateRequestTokens } from './estimate-request-tokens.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './execute-run.js';
import type { RateLimiter } from './rate-limiter.js';

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

/** An LLM judge over any provider model, sharing the runner's rate limiting and retries. */
export function createModelJudge(model: ProviderModel, options: ModelJudgeOptions): Judge {
  const { request: template, plan } = judgeRequest(model, options.settings, options.maxTokens);
  const refusals = watchDeterministicRefusals();
  let refused: string | null = null;
  return createLlmJudge({
    judgeId: options.judgeId,
    version: judgeVersion(plan, options.settings?.extraBody),
    async generate(prompt, { signal }) {
      if (refused) throw new JudgeRefusedError(options.judgeId, refused);
      const request = { ...template, prompt };
      const tokens = estimateRequestTokens(prompt, null, plan?.maxTokens ?? request.maxTokens);
      const { outcome } = await retryWithBackoff(
        async () => {
          await options.limiter?.acquire(tokens, signal);
          return model.doGenerate(request);
        },
        { ...(options.retry ?? DEFAULT_RETRY_POLICY), signal, sleep: options.sleep },
      );
      refused ??= refusals.observe(outcome);
      if (refused) throw new JudgeRefusedError(options.judgeId, refused);
      return { status: outcome.status, finalText: outcome.finalText, statusDetail: outcome.statusDetail };
    },
  });
}
