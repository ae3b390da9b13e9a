import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequest } from '../test-support/generate-request.js';
import { createOpenAICompatibleProvider } from './create-openai-compatible-provider.js';
import { openRouterCompletion } from './fixtures/chat-completion-payloads.js';

/** The real built-in fetch against a loopback server: resets and slow replies behave as on the wire. */
let server: Server;
let baseURL: string;
const seen: Array<{ url: string | undefined; authorization: string | undefined; body: unknown }> = [];

function handle(request: IncomingMessage, response: ServerResponse) {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => {
    const body = JSON.parse(text) as { model: string };
    seen.push({ url: request.url, authorization: request.headers.authorization, body });
    if (body.model === 'reset') return request.socket.destroy();
    if (body.model === 'slow') return void setTimeout(() => response.end('{}'), 2_000);
    if (body.model === 'cut') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      response.write('{"id":"gen-1","choi');
      return void setTimeout(() => request.socket.destroy(), 10);
    }
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': 'local-1',
      'retry-after-ms': '1500',
    });
    response.end(JSON.stringify(openRouterCompletion({ content: '<think>plan</think>Answer.' })));
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const provider = () =>
  createOpenAICompatibleProvider({
    name: 'openai-compatible',
    baseURL,
    apiKeyEnv: 'LOCAL_KEY',
    apiKeyOptional: true,
    env: { LOCAL_KEY: 'local-secret-xyz' },
  });

describe('OpenAI-compatible adapter over a loopback HTTP server', () => {
  it('round-trips a completion with the built-in fetch', async () => {
    const result = await provider()('good').doGenerate(generateRequest());
    expect(result).toMatchObject({
      status: 'success',
      finalText: 'Answer.',
      reasoningText: 'plan',
      headers: { 'x-request-id': 'local-1', 'retry-after-ms': '1500' },
      retryAfterMs: 1500,
    });
    expect(seen.at(-1)).toMatchObject({ url: '/v1/chat/completions', authorization: 'Bearer local-secret-xyz' });
  });

  it('a connection reset comes back as a retryable provider error', async () => {
    const result = await provider()('reset').doGenerate(generateRequest());
    expect(result).toMatchObject({ status: 'provider_error', httpStatus: null, retryable: true });
    expect(result.statusDetail).toMatch(/^transport: /);
  });

  it('a body cut off mid-stream comes back as a retryable provider error', async () => {
    const result = await provider()('cut').doGenerate(generateRequest());
    expect(result).toMatchObject({ status: 'provider_error', retryable: true });
  });

  it('a slow server hits the request timeout', async () => {
    const result = await provider()('slow').doGenerate(generateRequest({ timeoutMs: 100 }));
    expect(result).toMatchObject({
      status: 'provider_error',
      retryable: true,
      statusDetail: 'transport: timeout after 100 ms',
    });
    expect(result.latencyMs).toBeLessThan(1_500);
  });
});
