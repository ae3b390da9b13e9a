import { setMaxListeners } from 'node:events';
import { ResponseTooLargeError } from './node-http-fetch.js';

/** Signals already allowed one listener per request in flight (a run at concurrency 16+ shares one). */
const widened = new WeakSet<AbortSignal>();

export interface PostJsonRequest {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** null = no timeout. */
  timeoutMs: number | null;
  signal?: AbortSignal;
}

export type PostJsonResult =
  | { kind: 'response'; httpStatus: number; headers: Headers; rawBody: string }
  | { kind: 'too_large'; httpStatus: number; limitBytes: number; prefix: string }
  | { kind: 'transport_error'; detail: string };

/**
 * POST a JSON body and read the whole response as text. Timeouts and network failures come back
 * as `transport_error`; only the caller's abort signal makes it throw (with the signal's reason).
 */
export async function postJson(request: PostJsonRequest): Promise<PostJsonResult> {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(request.signal?.reason);
  if (request.signal?.aborted) throw request.signal.reason;
  if (request.signal && !widened.has(request.signal)) {
    // Every request in flight listens to the run's signal: no MaxListenersExceededWarning at high concurrency.
    setMaxListeners(0, request.signal);
    widened.add(request.signal);
  }
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    request.timeoutMs === null
      ? null
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error('timeout'));
        }, request.timeoutMs);
  try {
    const response = await request.fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal: controller.signal,
    });
    const rawBody = await response.text();
    return { kind: 'response', httpStatus: response.status, headers: response.headers, rawBody };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (error instanceof ResponseTooLargeError) return { kind: 'too_large', httpStatus: error.httpStatus, limitBytes: error.limitBytes, prefix: error.prefix };
    if (timedOut) return { kind: 'transport_error', detail: `timeout after ${request.timeoutMs} ms` };
    return { kind: 'transport_error', detail: describeNetworkError(error) };
  } finally {
    if (timer) clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/** "fetch failed: ECONNRESET other side closed" from undici's nested causes. */
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${code} ${current.message}` : current.message);
    current = current.cause;
  }
  return parts.length > 0 ? parts.join(': ') : String(error);
}
