import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CompletionParts } from './build-completion.js';
import { buildCompletion } from './build-completion.js';
import { composeAnswer } from './compose-answer.js';
import { createFaultSelector } from './fault-selector.js';
import type { MockLatency, MockServerOptions } from './mock-server-options.js';
import { StatsRecorder, type MockServerStats } from './mock-server-stats.js';
import { estimateTokens, readPrompt } from './read-prompt.js';
import { createRollingWindowLimiter, type RollingWindowLimiter } from './rolling-window-limiter.js';
import { createSeededRandom, hash53 } from './seeded-random.js';
import { sendFault } from './send-fault.js';
import { errorBody, sendJson } from './send-json.js';

export interface MockServer {
  /** Base URL for an OpenAI-compatible client, ending in /v1. */
  url: string;
  port: number;
  stats(): MockServerStats;
  /** Clears stats, fault counters, the rate-limit window and the seeded draws. */
  reset(): void;
  /** Stops listening and drops every connection, including requests held by `timeout`. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Starts a mock OpenAI-compatible (OpenRouter-shaped) chat-completions server on 127.0.0.1. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const seed = options.seed ?? 1;
  const upstream = options.upstream ?? 'MockUpstream';
  const models = options.models ?? ['mock/model'];
  const price = options.pricePerMillionTokens ?? { prompt: 0.5, completion: 1.5 };
  const faults = options.faults ?? [];
  const selector = createFaultSelector(faults, seed);
  const limiter: RollingWindowLimiter | undefined = options.rateLimit && createRollingWindowLimiter(options.rateLimit);
  const stats = new StatsRecorder(options.maxArrivals ?? 1_000_000, options.recordBodies ?? 100);
  const latency = createLatency(options.latencyMs ?? 0, seed);
  const pending = new Set<NodeJS.Timeout>();
  const startedAt = performance.now();
  let requestIndex = 0;

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    stats.requestStarted(path);
    response.once('close', () => stats.requestEnded());

    if (path.endsWith('/chat/completions')) {
      if (request.method !== 'POST') {
        sendJson(response, 405, errorBody(`Method ${request.method} not allowed; POST ${path}`, 405), {
          allow: 'POST',
        });
        return;
      }
      readBody(request, response, (text) => handleCompletion(text, response));
      return;
    }
    if (path.endsWith('/models') && request.method === 'GET') {
      const created = Math.floor(Date.now() / 1000);
      sendJson(response, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created, owned_by: upstream })),
      });
      return;
    }
    stats.notFound++;
    request.resume();
    sendJson(
      response,
      404,
      errorBody(`No route for ${request.method} ${path}; use POST /v1/chat/completions or GET /v1/models`, 404),
    );
  }

  function handleCompletion(text: string, response: ServerResponse): void {
    // Taken once the body is in, so arrivals (and the limiter's window) are in increasing order.
    const arrivalMs = performance.now() - startedAt;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      stats.badRequests++;
      sendJson(response, 400, errorBody(`Request body is not valid JSON: ${(error as Error).message}`, 400));
      return;
    }
    if (typeof body !== 'object' || body === null || !Array.isArray(body.messages)) {
      stats.badRequests++;
      sendJson(response, 400, errorBody('Request body must be a JSON object with a "messages" array', 400));
      return;
    }
    stats.completionArrived(arrivalMs, body);
    const index = requestIndex++;
    const model = typeof body.model === 'string' ? body.model : (models[0] ?? 'mock/model');
    const prompt = readPrompt(body.messages);
    const promptTokens = estimateTokens(prompt, body.messages.length);
    const maxTokens = readMaxTokens(body);

    let rateHeaders: Record<string, string | number> = {};
    if (limiter) {
      // Token cost as OpenAI estimates it before answering: prompt plus the requested maximum.
      const decision = limiter.tryAcquire(arrivalMs, promptTokens + (maxTokens ?? 0));
      if (!decision.allowed) {
        stats.rateLimited++;
        sendJson(response, 429, errorBody(`Rate limit exceeded (${decision.reason} per window)`, 429), {
          'retry-after': Math.ceil(decision.retryAfterMs / 1000),
          'retry-after-ms': Math.ceil(decision.retryAfterMs),
        });
        return;
      }
      rateHeaders = {
        'x-ratelimit-limit-requests': options.rateLimit!.requestsPerMinute,
        'x-ratelimit-remaining-requests': decision.remainingRequests,
      };
    }

    const rule =
      faults.length === 0
        ? undefined
        : selector.select({ requestIndex: index, prompt, questionKey: hash53(`${model}\n${prompt}`) });
    if (rule) stats.faults[rule.fault]++;

    const respond = (): void => {
      if (response.destroyed || response.writableEnded) return;
      const answer = composeAnswer(prompt, options.answers);
      let content = answer.content;
      let finishReason = 'stop';
      let completionTokens = Math.max(1, estimateTokens(content));
      if (maxTokens !== undefined && completionTokens > maxTokens) {
        content = content.slice(0, maxTokens * 4);
        finishReason = 'length';
        completionTokens = maxTokens;
      }
      const parts: CompletionParts = {
        id: `gen-mock-${index}`,
        upstream,
        model,
        content,
        reasoning: options.reasoning ? answer.reasoning : undefined,
        finishReason,
        promptTokens,
        completionTokens,
        reasoningTokens: options.reasoning ? estimateTokens(answer.reasoning) : 0,
        price,
      };
      if (rule) {
        sendFault(response, rule, parts);
        return;
      }
      stats.successes++;
      sendJson(response, 200, buildCompletion(parts), { 'x-request-id': parts.id, ...rateHeaders });
    };

    const delay = latency();
    if (delay <= 0) {
      respond();
      return;
    }
    const timer = setTimeout(() => {
      pending.delete(timer);
      respond();
    }, delay);
    pending.add(timer);
  }

  const server = createServer({ noDelay: true }, handle);
  // Longer than common client keep-alive timeouts, so the server is never the one to drop an idle socket.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0;
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // A deep backlog: a benchmark opening ~1000 connections at once must not hit SYN retries.
    server.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1', backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`,
    port,
    stats: () => stats.snapshot(),
    reset() {
      stats.reset();
      selector.reset();
      limiter?.reset();
      requestIndex = 0;
      latency.reset();
    },
    close() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function readMaxTokens(body: Record<string, unknown>): number | undefined {
  const value = body.max_completion_tokens ?? body.max_tokens;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

function readBody(request: IncomingMessage, response: ServerResponse, onBody: (text: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  request.on('data', (chunk: Buffer) => {
    if (tooLarge) return;
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      tooLarge = true;
      sendJson(response, 413, errorBody(`Request body larger than ${MAX_BODY_BYTES} bytes`, 413), {
        connection: 'close',
      });
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (!tooLarge) onBody(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
  });
}

type Latency = (() => number) & { reset(): void };

function createLatency(option: MockLatency, seed: number): Latency {
  if (typeof option === 'number') {
    if (!(option >= 0)) throw new RangeError(`latencyMs must be ≥ 0, got ${option}`);
    return Object.assign(() => option, { reset() {} });
  }
  const { min, max } = option;
  if (!(min >= 0 && max >= min))
    throw new RangeError(`latencyMs must have 0 ≤ min ≤ max, got {min: ${min}, max: ${max}}`);
  let random = createSeededRandom(seed);
  return Object.assign(() => min + random() * (max - min), {
    reset() {
      random = createSeededRandom(seed);
    },
  });
}
