import { createLlmJudge, type Judge } from '../judge/index.js';
import { retryWithBackoff, type ProviderModel } from '../providers/index.js';
import { estimateRequestTokens } from './estimate-request-tokens.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './execute-run.js';
import type { RateLimiter } from './rate-limiter.js';

export interface ModelJudgeOptions {
  judgeId: string;
  limiter?: RateLimiter;
  retry?: RetryPolicy;
  maxTokens?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * An LLM judge over any provider model, sharing the runner's rate limiting and retries.
 * Judging is deterministic where the provider allows: temperature 0, no system prompt.
 */
export function createModelJudge(model: ProviderModel, options: ModelJudgeOptions): Judge {
  const maxTokens = options.maxTokens ?? 1024;
  return createLlmJudge({
    judgeId: options.judgeId,
    async generate(prompt, { signal }) {
      const request = { prompt, systemPrompt: null, maxTokens, temperature: 0, reasoning: null, timeoutMs: null };
      const tokens = estimateRequestTokens(prompt, null, maxTokens);
      const { outcome } = await retryWithBackoff(
        async () => {
          await options.limiter?.acquire(tokens, signal);
          return model.doGenerate(request);
        },
        { ...(options.retry ?? DEFAULT_RETRY_POLICY), signal, sleep: options.sleep },
      );
      return { status: outcome.status, finalText: outcome.finalText, statusDetail: outcome.statusDetail };
    },
  });
}
