import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from './node-http-fetch.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/echo') {
        response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'abc', 'retry-after': '3' });
        response.end(
          JSON.stringify({
            method: request.method,
            body,
            auth: request.headers['authorization'] ?? null,
            length: request.headers['content-length'],
          }),
        );
      } else if (request.url === '/cut') {
        response.writeHead(200, { 'content-length': '100' });
        response.write('{"partial":');
        setTimeout(() => response.socket?.destroy(), 10);
      } else if (request.url === '/slow') {
        setTimeout(() => response.end('late'), 2000);
      } else {
        response.writeHead(404);
        response.end('missing');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('nodeHttpFetch', () => {
  it('sends method, headers and a UTF-8 body; returns status, headers and text', async () => {
    const response = await nodeHttpFetch(`${base}/echo`, {
      method: 'POST',
      headers: { authorization: 'Bearer k' },
      body: '{"q":"问"}',
    });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-request-id')).toBe('abc');
    expect(response.headers.get('retry-after')).toBe('3');
    expect(JSON.parse(await response.text())).toEqual({
      method: 'POST',
      body: '{"q":"问"}',
      auth: 'Bearer k',
      length: String(Buffer.byteLength('{"q":"问"}')),
    });
  });

  it('reports non-2xx statuses as responses, not errors', async () => {
    const response = await nodeHttpFetch(`${base}/nowhere`);
    expect([response.status, response.ok, await response.text()]).toEqual([404, false, 'missing']);
  });

  it('rejects when the connection closes before the body ends', async () => {
    await expect(nodeHttpFetch(`${base}/cut`)).rejects.toThrow(/terminated|fetch failed|aborted/);
  });

  it('rejects with the signal reason on abort', async () => {
    const controller = new AbortController();
    const pending = nodeHttpFetch(`${base}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('timeout')), 20);
    await expect(pending).rejects.toThrow('timeout');
  });

  it('rejects a refused connection as a fetch failure', async () => {
    await expect(nodeHttpFetch('http://127.0.0.1:1/')).rejects.toThrow(/fetch failed/);
  });
});
