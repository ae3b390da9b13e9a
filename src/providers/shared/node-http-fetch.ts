import http from 'node:http';
import https from 'node:https';

/** Largest provider response body read (bytes). A long answer is well under 2 MB; 600 MB crashed a run. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** How much of a too-large body is kept, for a person to see what the server sent. */
const KEPT_PREFIX_BYTES = 64 * 1024;

/** A response body over MAX_RESPONSE_BYTES: the connection is dropped, the start of the body kept. */
export class ResponseTooLargeError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly limitBytes: number,
    readonly prefix: string,
  ) {
    super(`the response body is larger than ${limitBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

// One keep-alive pool per protocol for the whole process: no per-request connection setup.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 30_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 30_000 }),
};

function headerRecord(init: RequestInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!init?.headers) return headers;
  const given = init.headers;
  if (Object.getPrototypeOf(given) === Object.prototype) {
    // A plain record (what the adapters pass): lower-cased names without building a Headers (it validates every value, measurably per request).
    for (const [name, value] of Object.entries(given as Record<string, string>))
      headers[name.toLowerCase()] = String(value);
    return headers;
  }
  new Headers(given).forEach((value, name) => (headers[name] = value));
  return headers;
}

/**
 * A `fetch` for provider calls built on node:http(s) with keep-alive agents. It covers what the
 * adapters use (method, headers, string body, abort signal → status, headers, text()) at a
 * fraction of the CPU that the built-in fetch spends per request, which is what limits a run at
 * high concurrency (measured in bench/runner.bench.ts).
 */
export const nodeHttpFetch: typeof fetch = (input, init) => boundedNodeHttpFetch(input, init, MAX_RESPONSE_BYTES);

/** The same with another body limit (tests use a small one). */
export const boundedNodeHttpFetch = (
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
  maxBytes: number,
): Promise<Response> =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
    if (!transport) {
      reject(new TypeError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const body = typeof init?.body === 'string' ? init.body : init?.body == null ? undefined : String(init.body);
    const headers = headerRecord(init);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: init?.method ?? 'GET',
        headers,
        agent: agents[url.protocol as 'http:' | 'https:'],
      },
      (response) => {
        const chunks: Buffer[] = [];
        let received = 0;
        const tooLarge = () => {
          const prefix = Buffer.concat(chunks).subarray(0, KEPT_PREFIX_BYTES).toString('utf8');
          chunks.length = 0;
          reject(new ResponseTooLargeError(response.statusCode ?? 0, maxBytes, prefix));
          request.destroy();
        };
        if (Number(response.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > maxBytes) return tooLarge();
          chunks.push(chunk);
        });
        response.on('error', (error) => reject(error));
        response.on('aborted', () => reject(new TypeError('terminated: the connection closed before the body ended')));
        response.on('end', () => {
          if (!response.complete) {
            reject(new TypeError('terminated: the connection closed before the body ended'));
            return;
          }
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          resolve({
            status,
            statusText: response.statusMessage ?? '',
            ok: status >= 200 && status < 300,
            headers: responseHeaders,
            url: url.href,
            text: async () => text,
            json: async () => JSON.parse(text) as unknown,
          } as Response);
        });
      },
    );
    const onAbort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('close', () => signal?.removeEventListener('abort', onAbort));
    request.on('error', (error) =>
      reject(signal?.aborted ? signal.reason : new TypeError(`fetch failed: ${error.message}`, { cause: error })),
    );
    request.end(body);
  });
