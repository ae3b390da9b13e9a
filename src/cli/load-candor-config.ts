import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../core/index.js';
import type { ProviderConfig } from '../providers/index.js';
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
      }),
    )
    .optional(),
  prices: z.record(z.string(), priceSchema).optional(),
  rateLimits: z.record(z.string(), z.strictObject({ rpm: z.number().positive().optional(), tpm: z.number().positive().optional() })).optional(),
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
    throw new InputError({ file: path }, code === 'ENOENT' ? 'file does not exist' : `not valid JSON (${(error as Error).message})`);
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError({ file: path, field: issue.path.join('.') || '(top level)' }, issue.message);
  }
  return {
    provider: { endpoints: parsed.data.endpoints },
    prices: parsed.data.prices ?? {},
    rateLimits: parsed.data.rateLimits ?? {},
    models: parsed.data.models ?? {},
  };
}
