/**
 * The key under which workers share a provider's rate limit: the provider name, plus the host for
 * a custom endpoint (two openai-compatible servers do not share a budget).
 */
export function rateLimitKey(provider: string, baseURL: string | null): string {
  if (!baseURL) return provider;
  try {
    return `${provider}@${new URL(baseURL).host}`;
  } catch {
    return `${provider}@${baseURL}`;
  }
}
