import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../mock-server/index.js';
import { runCli } from './main.js';
import { captureIo } from './test-support/capture-io.js';

/** --extra-body, config models.<spec>.extraBody and endpoint quirks reach the request (issue #12 item 13). */
let server: MockServer;
let folder: string;
let set: string;
beforeAll(async () => {
  server = await startMockServer({ recordBodies: 100 });
  folder = mkdtempSync(join(tmpdir(), 'candor-escape-'));
  set = join(folder, 'q.jsonl');
  writeFileSync(set, JSON.stringify({ id: 'q0', category: 'c', question: 'Write an essay.' }) + '\n');
});
afterAll(async () => server.close());

const lastBody = () => (server.stats().recentBodies as Array<Record<string, unknown>>).at(-1)!;

describe('escape hatches', () => {
  it('--extra-body is merged into every request, and kept with the run for --resume', async () => {
    const io = captureIo();
    const db = join(folder, 'a.db');
    const code = await runCli(
      [
        'run',
        '--model',
        'openai-compatible:mock/model',
        '--base-url',
        server.url,
        '--set',
        set,
        '--extra-body',
        '{"top_k": 20, "min_p": 0.05}',
        '--db',
        db,
        '--quiet',
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    expect(lastBody()).toMatchObject({ top_k: 20, min_p: 0.05 });
    const bad = captureIo();
    expect(
      await runCli(
        [
          'run',
          '--model',
          'openai-compatible:mock/model',
          '--base-url',
          server.url,
          '--set',
          set,
          '--extra-body',
          '[1]',
          '--db',
          db,
        ],
        bad,
      ),
    ).toBe(2);
    expect(bad.err()).toMatch(/--extra-body must be a JSON object/);
  });

  it('a config endpoint takes quirks (token field, reasoning convention) and a model entry takes extraBody', async () => {
    const config = join(folder, 'candor.json');
    writeFileSync(
      config,
      JSON.stringify({
        endpoints: {
          lab: { baseURL: server.url, quirks: { maxTokensField: 'max_completion_tokens', reasoning: 'chat-template' } },
        },
        models: { 'lab:qwen3': { extraBody: { repetition_penalty: 1.05 } } },
      }),
    );
    const io = captureIo();
    const code = await runCli(
      [
        'run',
        '--model',
        'lab:qwen3',
        '--config',
        config,
        '--set',
        set,
        '--reasoning',
        'off',
        '--max-tokens',
        '300',
        '--db',
        join(folder, 'b.db'),
        '--quiet',
      ],
      io,
    );
    expect(code, io.err()).toBe(0);
    expect(lastBody()).toMatchObject({
      max_completion_tokens: 300,
      chat_template_kwargs: { enable_thinking: false },
      repetition_penalty: 1.05,
    });
    expect(lastBody()).not.toHaveProperty('max_tokens');
  });

  it('an endpoint without a reasoning convention refuses --reasoning with a fix that exists', async () => {
    const config = join(folder, 'plain.json');
    writeFileSync(config, JSON.stringify({ endpoints: { plain: { baseURL: server.url } } }));
    const io = captureIo();
    expect(
      await runCli(
        [
          'run',
          '--model',
          'plain:m',
          '--config',
          config,
          '--set',
          set,
          '--reasoning',
          'high',
          '--db',
          join(folder, 'c.db'),
          '--quiet',
        ],
        io,
      ),
    ).toBe(1);
    expect(io.err()).toMatch(
      /reasoning "high"; the endpoint has no reasoning convention: set endpoints.plain.quirks.reasoning/,
    );
  });
});
