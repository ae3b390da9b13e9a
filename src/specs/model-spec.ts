import { createProviderModel, type ProviderConfig, type ProviderModel } from '../providers/index.js';
import type { CandorStore } from '../store/index.js';
import { createReplayModel } from './replay-model.js';

/** What spec resolution reads from its caller: the environment (key variables) and where notes go. The CLI's io fits. */
export interface SpecIo {
  env: Record<string, string | undefined>;
  stderr: { write(text: string): unknown };
}

export const MODEL_SPEC_HELP =
  'provider:model-id, e.g. openrouter:deepseek/deepseek-r1, ollama:qwen3:8b, openai-compatible:my-model, replay:<run-id>';

export interface ResolveModelContext {
  store: CandorStore;
  env: Record<string, string | undefined>;
  provider: ProviderConfig;
  baseURL?: string | null;
  apiKeyEnv?: string | null;
}

/** The run id of a `replay:<run-id>` spec, or null for any other spec. */
export function replayRunId(spec: string): string | null {
  return spec.startsWith('replay:') ? spec.slice('replay:'.length) : null;
}

/**
 * Turns a model spec into the model a run asks: `replay:<run-id>` serves a stored run back (offline),
 * anything else is `provider:model-id` over HTTP. Used by `candor run` and `candor worker` alike.
 */
export async function resolveModelSpec(spec: string, context: ResolveModelContext): Promise<ProviderModel> {
  const replayOf = replayRunId(spec);
  if (replayOf !== null) return createReplayModel(context.store, replayOf);
  return createProviderModel(spec, {
    baseURL: context.baseURL ?? undefined,
    apiKeyEnv: context.apiKeyEnv ?? undefined,
    config: context.provider,
    env: context.env,
  });
}
