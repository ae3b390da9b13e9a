import type { GenerateRequest } from '../providers/index.js';
import type { TokenPrice } from './price-table.js';

/**
 * The most one request can cost: its prompt (~4 characters a token) plus every completion token
 * it may use, at this price. 0 without a price (only provider-reported costs are counted then).
 */
export function worstRequestCost(request: Pick<GenerateRequest, 'prompt' | 'systemPrompt' | 'maxTokens'>, price: TokenPrice | null | undefined): number {
  if (!price) return 0;
  const promptTokens = Math.ceil((request.prompt.length + (request.systemPrompt?.length ?? 0)) / 4);
  return (promptTokens * price.prompt + (request.maxTokens ?? 0) * price.completion) / 1e6;
}
