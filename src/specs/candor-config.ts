import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../core/index.js';
import {
  REASONING_CONVENTIONS,
  reasoningConventionMapper,
  type CustomEndpoint,
  type ProviderConfig,
} from '../providers/index.js';
import type { TokenPrice } from '../runner/index.js';

const priceSchema = z.object({ prompt: z.number().nonnegative(), completion: z.number().nonnegative() });
const configSchema = z.strictObject({
  endpoints: z
    .record(
      z.string(),
      z.strictObject({
        api: z.enum(['openai-compatible', 'anthropic', 'gemini']).optional(),
        baseURL: z.string().url(),
        apiKeyEnv: z.string().optional(),
        headers: z.record(z.string(), z.string()).optional(),
        quirks: z
          .strictObject({
            maxTokensField: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
            reasoning: z.enum(REASONING_CONVENTIONS).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
  prices: z.record(z.string(), priceSchema).optional(),
  rateLimits: z
    .record(
      z.string(),
      z.strictObject({ rpm: z.number().positive().optional(), tpm: z.number().positive().optional() }),
    )
    .optional(),
  models: z
    .record(
      z.string(),
      z.strictObject({
        maxTokens: z.number().int().positive().optional(),
        temperature: z.number().min(0).max(2).optional(),
        reasoning: z.enum(['off', 'on', 'low', 'medium', 'high']).optional(),
        systemPrompt: z.string().optional(),
        baseURL: z.string().url().optional(),
        apiKeyEnv: z.string().optional(),
        /** Fields merged into every request body last: vendor parameters Candor does not model. */
        extraBody: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

/** A Candor config file: custom endpoints, prices, per-provider rate limits and per-model settings. */
export interface CandorConfig {
  provider: ProviderConfig;
  prices: Record<string, TokenPrice>;
  rateLimits: Record<string, { rpm?: number; tpm?: number }>;
  models: NonNullable<z.infer<typeof configSchema>['models']>;
}

export const EMPTY_CONFIG: CandorConfig = { provider: {}, prices: {}, rateLimits: {}, models: {} };

/** Reads a JSON config file; errors name the file and the field. Keys never belong here, only their variable names. */
export function loadCandorConfig(path: string | undefined): CandorConfig {
  if (!path) return EMPTY_CONFIG;
  let value: unknown;
  try {
    // A byte-order mark (Windows editors write one) is not JSON; drop it.
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      { file: path },
      code === 'ENOENT' ? 'file does not exist' : `not valid JSON (${(error as Error).message})`,
    );
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError({ file: path, field: issue.path.join('.') || '(top level)' }, issue.message);
  }
  return {
    provider: { endpoints: toEndpoints(parsed.data.endpoints) },
    prices: parsed.data.prices ?? {},
    rateLimits: parsed.data.rateLimits ?? {},
    models: parsed.data.models ?? {},
  };
}

/** Config endpoints with their named reasoning convention turned into the adapter's mapper. */
function toEndpoints(endpoints: z.infer<typeof configSchema>['endpoints']): Record<string, CustomEndpoint> | undefined {
  if (!endpoints) return undefined;
  return Object.fromEntries(
    Object.entries(endpoints).map(([name, { quirks, ...endpoint }]) => {
      if (!quirks) return [name, endpoint];
      const mapper = quirks.reasoning ? reasoningConventionMapper(quirks.reasoning) : undefined;
      return [
        name,
        {
          ...endpoint,
          quirks: {
            ...(quirks.maxTokensField ? { maxTokensField: quirks.maxTokensField } : {}),
            ...(mapper ? { reasoning: mapper } : {}),
          },
        },
      ];
    }),
  );
}
