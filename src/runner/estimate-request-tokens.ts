/**
 * Tokens a request may use, as rate limiters count them (OpenAI-style): prompt characters / 4,
 * a few per message, plus the completion budget.
 */
export function estimateRequestTokens(prompt: string, systemPrompt: string | null, maxTokens: number | null): number {
  const messages = systemPrompt ? 2 : 1;
  const characters = prompt.length + (systemPrompt?.length ?? 0) + (systemPrompt ? 1 : 0);
  return Math.ceil(characters / 4) + messages * 4 + (maxTokens ?? 0);
}
