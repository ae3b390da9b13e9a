/** A minimal chat-completions request body. */
export function chatBody(prompt: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'test/model', messages: [{ role: 'user', content: prompt }], ...extra };
}

/** POSTs a chat-completions request with the built-in fetch. */
export function postChat(baseUrl: string, body: unknown, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}

/** The shape the tests read from a normal answer. */
export interface CompletionJson {
  id: string;
  provider: string;
  model: string;
  object: string;
  choices: Array<{
    finish_reason: string;
    native_finish_reason: string;
    message: { role: string; content: string; reasoning: string | null };
  }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number; cost: number };
}
