import type { ServerResponse } from 'node:http';

/** Writes a JSON (or pre-serialised) body with an exact content-length, keeping the connection alive. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  if (response.destroyed || response.writableEnded) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** An OpenAI/OpenRouter-style error body. */
export function errorBody(message: string, code: number | string, extra: Record<string, unknown> = {}): unknown {
  return { error: { message, code, ...extra } };
}
