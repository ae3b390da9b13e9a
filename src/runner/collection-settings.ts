import type { GenerateRequest, OpenRouterRouting, ReasoningSetting } from '../providers/index.js';
import type { RunGuards } from './run-guards.js';

/**
 * What a run fixes for every request (stored with the run; no secrets). `modelSpec` and `baseURL`
 * are kept so `--resume` can rebuild the provider.
 */
export interface CollectionSettings {
  modelSpec: string;
  baseURL: string | null;
  maxTokens: number | null;
  temperature: number | null;
  reasoning: ReasoningSetting;
  systemPrompt: string | null;
  samples: number;
  timeoutMs: number | null;
  routing: OpenRouterRouting | null;
  /** Name of the environment variable holding the key (the name only, never the value). */
  apiKeyEnv: string | null;
  /** Fields merged into every request body last (`--extra-body`, config `models.<spec>.extraBody`). */
  extraBody?: Record<string, unknown> | null;
  /** Enqueued runs: the guards every worker enforces (see run-guards.ts). */
  guards?: RunGuards;
}

/** The request sent for one question under these settings. */
export function toGenerateRequest(settings: CollectionSettings, prompt: string): GenerateRequest {
  return withExtraBody(
    {
      prompt,
      systemPrompt: settings.systemPrompt,
      maxTokens: settings.maxTokens,
      temperature: settings.temperature,
      reasoning: settings.reasoning,
      timeoutMs: settings.timeoutMs,
      providerOptions: settings.routing ? { openrouter: settings.routing } : undefined,
    },
    settings.extraBody,
  );
}

/**
 * The request with the model's extra body (`--extra-body`, config `models.<spec>.extraBody`) to be
 * merged into what is sent, last: the same for runs, workers and set authoring.
 */
export function withExtraBody(
  request: GenerateRequest,
  extraBody: Record<string, unknown> | null | undefined,
): GenerateRequest {
  if (!extraBody) return request;
  return { ...request, providerOptions: { ...request.providerOptions, extraBody } };
}
