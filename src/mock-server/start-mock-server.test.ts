import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './start-mock-server.js';
import { chatBody, postChat, type CompletionJson } from './test-support/post-chat.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startMockServer: normal answers and routes', () => {
  it('answers an OpenRouter-shaped chat.completion echoing the model', async () => {
    server = await startMockServer({ upstream: 'FakeCloud' });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
    const response = await postChat(server.url, chatBody('Write an essay about tea.', { model: 'vendor/model-x' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as CompletionJson;
    expect(body).toMatchObject({ object: 'chat.completion', provider: 'FakeCloud', model: 'vendor/model-x' });
    expect(body.id).toMatch(/^gen-/);
    const choice = body.choices[0]!;
    expect(choice.finish_reason).toBe('stop');
    expect(choice.native_finish_reason).toBe('stop');
    expect(choice.message.role).toBe('assistant');
    expect(choice.message.content).toContain('Write an essay about tea.');
    expect(choice.message.reasoning).toBeNull();
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.completion_tokens).toBeGreaterThan(1);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.cost).toBeGreaterThan(0);
  });

  it('gives the same content for the same prompt and scripted content when an answer matches', async () => {
    server = await startMockServer({ answers: [{ match: 'Tiananmen', content: 'I cannot help with that.' }] });
    const read = async (prompt: string) =>
      ((await (await postChat(server!.url, chatBody(prompt))).json()) as CompletionJson).choices[0]!.message.content;
    expect(await read('What happened at Tiananmen in 1989?')).toBe('I cannot help with that.');
    const first = await read('Describe the water cycle.');
    expect(first).not.toBe('I cannot help with that.');
    expect(await read('Describe the water cycle.')).toBe(first);
  });

  it('adds message.reasoning when asked to', async () => {
    server = await startMockServer({ reasoning: true });
    const body = (await (await postChat(server.url, chatBody('Think first.'))).json()) as CompletionJson;
    expect(body.choices[0]!.message.reasoning).toMatch(/Think first\./);
  });

  it('stops with finish_reason length when max_tokens is smaller than the answer', async () => {
    server = await startMockServer();
    const body = (await (
      await postChat(server.url, chatBody('Long please.', { max_tokens: 5 }))
    ).json()) as CompletionJson;
    expect(body.choices[0]!.finish_reason).toBe('length');
    expect(body.usage.completion_tokens).toBe(5);
    expect(body.choices[0]!.message.content.length).toBeLessThanOrEqual(20);
  });

  it('lists models at GET /v1/models', async () => {
    server = await startMockServer({ models: ['a/one', 'b/two'] });
    const response = await fetch(`${server.url}/models`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: Array<{ id: string }> };
    expect(body.object).toBe('list');
    expect(body.data.map((model) => model.id)).toEqual(['a/one', 'b/two']);
  });

  it('answers 404 JSON for unknown paths and 405 for GET on completions', async () => {
    server = await startMockServer();
    const missing = await fetch(`http://127.0.0.1:${server.port}/v2/nothing`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/No route/);
    const wrongMethod = await fetch(`${server.url}/chat/completions`);
    expect(wrongMethod.status).toBe(405);
    expect(server.stats().notFound).toBe(1);
  });

  it('answers 400 for a body that is not JSON or has no messages, without counting a completion', async () => {
    server = await startMockServer();
    const broken = await postChat(server.url, '{"model": "x", "messages": [');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
    const noMessages = await postChat(server.url, { model: 'x' });
    expect(noMessages.status).toBe(400);
    expect(((await noMessages.json()) as { error: { message: string } }).error.message).toMatch(/"messages" array/);
    expect(server.stats()).toMatchObject({ badRequests: 2, completionRequests: 0, totalRequests: 2 });
  });

  it('also serves the OpenRouter path /api/v1/chat/completions', async () => {
    server = await startMockServer();
    const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(chatBody('hi')),
    });
    expect(response.status).toBe(200);
  });

  it('stops accepting connections after close', async () => {
    const closing = await startMockServer();
    await closing.close();
    await expect(postChat(closing.url, chatBody('late'))).rejects.toThrow();
  });
});
