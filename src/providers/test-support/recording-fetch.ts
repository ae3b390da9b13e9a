/** A fetch double for adapter tests: records each request and answers from a script. */

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export type ScriptedReply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { status: number; rawBody: string; headers?: Record<string, string> }
  | { networkError: Error }
  | { hang: true };

export function createRecordingFetch(replies: ScriptedReply | ScriptedReply[]): {
  fetch: typeof fetch;
  requests: RecordedRequest[];
} {
  const queue = Array.isArray(replies) ? [...replies] : null;
  const requests: RecordedRequest[] = [];
  const fetchDouble = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : null,
    });
    const reply = queue ? queue.shift() : (replies as ScriptedReply);
    if (!reply) throw new Error('recording fetch: no scripted reply left');
    if ('networkError' in reply) throw reply.networkError;
    if ('hang' in reply) {
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
      });
    }
    const text = 'rawBody' in reply ? reply.rawBody : JSON.stringify(reply.body);
    return new Response(text, {
      status: reply.status,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch: fetchDouble as typeof fetch, requests };
}

/** A clock that advances by `stepMs` each time it is read. */
export function steppingClock(startIso = '2025-05-01T00:00:00.000Z', stepMs = 250): () => number {
  let now = Date.parse(startIso) - stepMs;
  return () => (now += stepMs);
}
