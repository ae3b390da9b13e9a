/** Fields that vary between the normal answer and the content-bearing faults. */
export interface CompletionParts {
  id: string;
  upstream: string;
  model: string;
  content: string;
  reasoning?: string;
  finishReason: string;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  price: { prompt: number; completion: number };
}

/** An OpenRouter-shaped `chat.completion` body (see https://openrouter.ai/docs/api-reference/overview). */
export function buildCompletion(parts: CompletionParts): Record<string, unknown> {
  const completionTokens = parts.completionTokens + parts.reasoningTokens;
  const cost = (parts.promptTokens * parts.price.prompt + completionTokens * parts.price.completion) / 1_000_000;
  return {
    id: parts.id,
    provider: parts.upstream,
    model: parts.model,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    choices: [
      {
        logprobs: null,
        finish_reason: parts.finishReason,
        native_finish_reason: parts.finishReason,
        index: 0,
        message: {
          role: 'assistant',
          content: parts.content,
          refusal: null,
          reasoning: parts.reasoning ?? null,
        },
      },
    ],
    usage: {
      prompt_tokens: parts.promptTokens,
      completion_tokens: completionTokens,
      total_tokens: parts.promptTokens + completionTokens,
      cost: Number(cost.toFixed(9)),
      is_byok: false,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: parts.reasoningTokens },
    },
  };
}
