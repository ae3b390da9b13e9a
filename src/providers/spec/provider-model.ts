import type { RequestPlan } from '../capabilities/request-plan.js';
import type { FinishReason, ResponseStatus, Usage } from '../../core/index.js';

/** Version of the provider interface; bump when GenerateRequest/GenerateResult change incompatibly. */
export const PROVIDER_SPEC_VERSION = 'candor-v1';

/** Reasoning mode: off, on (provider default effort), an effort level, or null (send nothing). */
export type ReasoningSetting = 'off' | 'on' | 'low' | 'medium' | 'high' | null;
export const REASONING_SETTINGS = ['off', 'on', 'low', 'medium', 'high'] as const;

/** OpenRouter upstream routing. https://openrouter.ai/docs/features/provider-routing */
export interface OpenRouterRouting {
  /** Upstreams to exclude on top of the default list (known-moderated routes). */
  ignore?: string[];
  /** Upstreams to take back out of the ignore list. */
  allow?: string[];
  /** Only these upstreams may serve the request. */
  only?: string[];
  /** Preferred order of upstreams. */
  order?: string[];
  /** Force one upstream: `only: [force]`, no fallbacks. */
  force?: string;
  allowFallbacks?: boolean;
  /** Replace the default ignore list instead of adding to it. */
  replaceDefaultIgnore?: boolean;
}

/** One single-turn request. Everything a run fixes as its settings. */
export interface GenerateRequest {
  /** The user message. */
  prompt: string;
  systemPrompt: string | null;
  maxTokens: number | null;
  /** null = provider default. */
  temperature: number | null;
  reasoning: ReasoningSetting;
  /** null = the adapter's default timeout. */
  timeoutMs: number | null;
  /**
   * A setting the model refuses (see src/providers/capabilities): 'error' (default) throws an
   * UnsupportedSettingError before sending; 'drop' leaves it out and notes it (LLM judges).
   */
  onRefusedSetting?: 'error' | 'drop';
  providerOptions?: {
    openrouter?: OpenRouterRouting;
    /** Extra fields merged into the request body last (escape hatch for vendor parameters). */
    extraBody?: Record<string, unknown>;
  };
}

/** A classified outcome plus the transport facts the store keeps. Secrets never appear here. */
export interface GenerateResult extends ClassifiedOutcome {
  /** null when no HTTP response arrived (timeout, reset, DNS). */
  httpStatus: number | null;
  /** The body exactly as received (with any echoed API key redacted); "" when none arrived. */
  rawBody: string;
  /** Only useful headers: request ids, rate limits, retry-after. Lower-case names. */
  headers: Record<string, string>;
  latencyMs: number;
  requestedAt: string;
  receivedAt: string;
  /** True for timeouts, resets, 408/409/425/429/5xx. Moderation and truncation are never retryable. */
  retryable: boolean;
  /** How long the provider asked us to wait, when it said. */
  retryAfterMs: number | null;
}

export interface GenerateOptions {
  /** Aborting rejects doGenerate with the signal's reason (the only case it throws for a request). */
  signal?: AbortSignal;
}

/** A model reachable through one provider route. After vercel/ai's LanguageModelV2. */
export interface ProviderModel {
  readonly specVersion: typeof PROVIDER_SPEC_VERSION;
  /** Provider name as in the model spec, e.g. "openrouter". */
  readonly provider: string;
  readonly modelId: string;
  doGenerate(request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResult>;
  /**
   * What doGenerate would send for this request (capability row, parameters, notes), without
   * sending it. Throws UnsupportedSettingError where doGenerate would. Absent on test doubles.
   */
  describeRequest?(request: GenerateRequest): RequestPlan;
}

/** What a provider payload means, independent of how it was fetched. */
export interface ClassifiedOutcome {
  status: ResponseStatus;
  finishReason: FinishReason;
  /** The answer with any reasoning removed; null when the payload carried none. */
  finalText: string | null;
  /** Reasoning/thinking text, kept apart and never judged as the answer. */
  reasoningText: string | null;
  /** Upstream that served the request (OpenRouter's `provider` field). */
  upstreamRoute: string | null;
  usage: Usage;
  costUsd: number | null;
  /** Short human-readable reason for a non-success status (or a note on a success). */
  statusDetail: string | null;
}

export const EMPTY_USAGE: Usage = Object.freeze({ promptTokens: null, completionTokens: null, reasoningTokens: null });

/** A payload's answer is "almost nothing" at or below this many completion tokens. */
export const BLOCKED_EMPTY_MAX_COMPLETION_TOKENS = 5;
