import { afterEach, describe, expect, it } from 'vitest';
import type { MockFault } from './mock-fault.js';
import { startMockServer, type MockServer } from './start-mock-server.js';
import { chatBody, postChat, type CompletionJson } from './test-support/post-chat.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function askWithFault(
  fault: MockFault,
  extra: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<Response> {
  server = await startMockServer({ faults: [{ fault, ...extra }] });
  return postChat(server.url, chatBody('Explain the supposed benefits of something.'), signal ? { signal } : {});
}

describe('injected faults, as a client sees them', () => {
  it('rate_limit: 429 with retry-after seconds and retry-after-ms', async () => {
    const response = await askWithFault('rate_limit', { retryAfterMs: 1500 });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('retry-after-ms')).toBe('1500');
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(429);
  });

  it.each([
    ['server_error_500', 500],
    ['server_error_502', 502],
    ['server_error_503', 503],
  ] as const)('%s: HTTP %i with a JSON error body', async (fault, status) => {
    const response = await askWithFault(fault);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(status);
  });

  it('timeout: never answers, so AbortSignal.timeout fires on the client', async () => {
    const started = performance.now();
    await expect(askWithFault('timeout', {}, AbortSignal.timeout(300))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('timeout: close() drops a held request, so the client sees the connection end', async () => {
    server = await startMockServer({ faults: [{ fault: 'timeout' }] });
    const held = postChat(server.url, chatBody('held'));
    for (let waited = 0; server.stats().inFlight === 0 && waited < 2000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.close();
    server = undefined;
    await expect(held).rejects.toThrow(/fetch failed/);
  });

  it('timeout: the in-flight count drops once the client gives up', async () => {
    server = await startMockServer({ faults: [{ fault: 'timeout' }] });
    await expect(postChat(server.url, chatBody('x'), { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    for (let waited = 0; server.stats().inFlight > 0 && waited < 2000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(server.stats()).toMatchObject({ inFlight: 0, maxInFlight: 1 });
    expect(server.stats().faults.timeout).toBe(1);
  });

  it('reset: the socket is destroyed, so fetch rejects', async () => {
    await expect(askWithFault('reset')).rejects.toThrow(/fetch failed/);
    expect(server!.stats().faults.reset).toBe(1);
  });

  it('malformed_json: 200 whose body does not parse', async () => {
    const response = await askWithFault('malformed_json');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"id":"gen-')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('error_in_200: 200 with an OpenRouter error body', async () => {
    const response = await askWithFault('error_in_200');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { error: { message: string; code: number }; choices?: unknown };
    expect(body.error.code).toBe(502);
    expect(body.error.message).toMatch(/MockUpstream/);
    expect(body.choices).toBeUndefined();
  });

  it('content_filter: finish_reason content_filter, empty content by default or the partial content given', async () => {
    const response = await askWithFault('content_filter');
    const body = (await response.json()) as CompletionJson;
    expect(body.choices[0]).toMatchObject({ finish_reason: 'content_filter', native_finish_reason: 'content_filter' });
    expect(body.choices[0]!.message.content).toBe('');
    await server!.close();
    const partial = (await (
      await askWithFault('content_filter', { content: 'Here is the beg' })
    ).json()) as CompletionJson;
    expect(partial.choices[0]!.message.content).toBe('Here is the beg');
  });

  it('content_filter_400: 400 with a data_inspection_failed error', async () => {
    const response = await askWithFault('content_filter_400');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: 'Input data may contain inappropriate content.',
        type: 'data_inspection_failed',
        code: 'data_inspection_failed',
      },
    });
  });

  it('empty_stop: finish_reason stop, empty content, one completion token', async () => {
    const body = (await (await askWithFault('empty_stop')).json()) as CompletionJson;
    expect(body.choices[0]!.finish_reason).toBe('stop');
    expect(body.choices[0]!.message.content).toBe('');
    expect(body.usage.completion_tokens).toBe(1);
  });

  it('length: finish_reason length with partial content', async () => {
    const body = (await (await askWithFault('length')).json()) as CompletionJson;
    expect(body.choices[0]!.finish_reason).toBe('length');
    expect(body.choices[0]!.message.content.length).toBeGreaterThan(0);
    expect(body.choices[0]!.message.content).not.toMatch(/In conclusion/);
  });

  it('unknown_shape: 200 with a JSON object that is not a chat completion', async () => {
    const response = await askWithFault('unknown_shape');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ foo: 1 });
  });

  it('once: the first attempt for a prompt gets 429, the retry succeeds, other prompts are unaffected', async () => {
    server = await startMockServer({ faults: [{ fault: 'rate_limit', match: 'Tiananmen', once: true }] });
    expect((await postChat(server.url, chatBody('About Tiananmen'))).status).toBe(429);
    expect((await postChat(server.url, chatBody('About Tiananmen'))).status).toBe(200);
    expect((await postChat(server.url, chatBody('About tea'))).status).toBe(200);
    expect(server.stats().faults.rate_limit).toBe(1);
  });

  it('requestIndex: only the chosen requests fail', async () => {
    server = await startMockServer({ faults: [{ fault: 'server_error_503', requestIndex: [1, 2] }] });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) statuses.push((await postChat(server.url, chatBody('same'))).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
  });
});
