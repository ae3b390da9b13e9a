/** USD per million tokens. */
export interface TokenPrice {
  prompt: number;
  completion: number;
}

/**
 * List prices for a few common models (USD per million tokens, as published by their vendors in
 * 2025). Providers change prices: override with a config file's `prices` or `--price`.
 * Provider-reported costs (OpenRouter's usage.cost) always win over this table.
 */
export const DEFAULT_PRICES: Readonly<Record<string, TokenPrice>> = {
  'openai/gpt-4o': { prompt: 2.5, completion: 10 },
  'openai/gpt-4o-mini': { prompt: 0.15, completion: 0.6 },
  'openai/gpt-4.1': { prompt: 2, completion: 8 },
  'anthropic/claude-3.5-sonnet': { prompt: 3, completion: 15 },
  'anthropic/claude-3.7-sonnet': { prompt: 3, completion: 15 },
  'deepseek/deepseek-r1': { prompt: 0.55, completion: 2.19 },
  'deepseek/deepseek-chat': { prompt: 0.27, completion: 1.1 },
};

/** The price of a model: an exact id, then the id without a provider prefix or date suffix. */
export function findPrice(modelId: string, table: Readonly<Record<string, TokenPrice>>): TokenPrice | null {
  if (table[modelId]) return table[modelId]!;
  const bare = modelId.replace(/-\d{4}-?\d{2}-?\d{2}$/, '');
  if (table[bare]) return table[bare]!;
  for (const [key, price] of Object.entries(table)) {
    const keyName = key.split('/').pop()!;
    if (keyName === modelId || keyName === bare) return price;
  }
  return null;
}

/** Cost of one request from its usage and a price; null when either is unknown. */
export function costFromUsage(
  usage: { promptTokens: number | null; completionTokens: number | null },
  price: TokenPrice | null,
): number | null {
  if (!price || (usage.promptTokens === null && usage.completionTokens === null)) return null;
  return ((usage.promptTokens ?? 0) * price.prompt + (usage.completionTokens ?? 0) * price.completion) / 1e6;
}
