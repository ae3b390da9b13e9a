import { UsageError } from '../core/index.js';
import type { GenerateRequest, ProviderModel, RequestPlan } from '../providers/index.js';
import type { CliIo } from './cli-io.js';

/**
 * What a command will send, decided before its first request: throws (UnsupportedSettingError)
 * when a setting cannot be sent to this model, and prints each adjustment once.
 */
export function preflightRequest(
  model: ProviderModel,
  request: GenerateRequest,
  io: CliIo,
  label: string,
): RequestPlan | null {
  const plan = model.describeRequest?.(request) ?? null;
  for (const note of plan?.notes ?? [])
    io.stderr.write(`candor: ${label} ${model.provider}:${model.modelId}: ${note}\n`);
  return plan;
}

/** `--extra-body '{"top_k": 20}'`: a JSON object merged into every request body last. */
export function parseExtraBody(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--extra-body must be a JSON object (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('--extra-body must be a JSON object, e.g. \'{"top_k": 20}\'');
  return value as Record<string, unknown>;
}

/** The plan as stored in a run's provenance: what was sent and why, no secrets. */
export function planProvenance(plan: RequestPlan | null): Record<string, unknown> | null {
  if (!plan) return null;
  return {
    capability: plan.capability,
    [plan.tokenField]: plan.maxTokens,
    temperature: plan.temperature,
    reasoning: plan.reasoningFields,
    notes: plan.notes,
  };
}
