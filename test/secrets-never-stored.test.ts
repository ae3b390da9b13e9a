import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';

/**
 * A hostile or careless server echoes the key back: in request-id and rate-limit headers, in the
 * answer JSON-escaped (`\u0073k-…`, which decoding turns back into the key), percent-encoded. None
 * of it may reach the store, `runs`, or `export`.
 */
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
  server = null;
});

function jsonEscapeAll(text: string): string {
  return [...text].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

async function echoingServer(): Promise<string> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const content = `escaped ${jsonEscapeAll(key)} upper ${jsonEscapeAll(key).toUpperCase().replace(/\\U/g, '\\u')} percent ${encodeURIComponent(key).replace(/[a-z0-9]/gi, (c) => `%${c.charCodeAt(0).toString(16)}`)} plain ${key}`;
      response.writeHead(200, {
        'content-type': 'application/json',
        'x-request-id': `req-${key}`,
        'x-ratelimit-remaining-requests': `99 for ${key}`,
      });
      response.end(
        `{"id":"gen-1","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"${content}"}}],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}`,
      );
    });
  });
  await new Promise<void>((resolveListen) => server!.listen(0, '127.0.0.1', resolveListen));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

function questionsFile(folder: string): string {
  const path = join(folder, 'q.jsonl');
  writeFileSync(
    path,
    '{"id":"q1","category":"s","question":"Say something"}\n{"id":"q2","category":"s","question":"Say more"}\n',
  );
  return path;
}

describe('keys echoed by a server never reach the store', () => {
  for (const key of ['sk-fake-key-for-tests', 'k3y/x1']) {
    it(`redacts "${key.length} characters" in headers, escaped and decoded text, and every export`, async () => {
      const baseUrl = await echoingServer();
      const folder = mkdtempSync(join(tmpdir(), 'candor-secrets-'));
      const db = join(folder, 'c.db');
      const env = { CANDOR_TEST_KEY: key };
      const io = captureIo({ env });
      const code = await runCli(
        [
          'run',
          '--model',
          'openai-compatible:m',
          '--base-url',
          baseUrl,
          '--api-key-env',
          'CANDOR_TEST_KEY',
          '--set',
          questionsFile(folder),
          '--db',
          db,
          '--quiet',
          '--run-id',
          'r',
        ],
        io,
      );
      expect(code, io.err()).toBe(0);
      const database = new Database(db, { readonly: true });
      const rows = database.prepare('SELECT raw_payload, final_text FROM responses').all() as {
        raw_payload: string;
        final_text: string;
      }[];
      database.close();
      expect(rows).toHaveLength(2);
      expect(rows[0]!.final_text).toContain('plain [redacted]');
      expect(rows[0]!.final_text).toContain('escaped [redacted]');
      const exported = captureIo({ env });
      expect(await runCli(['export', '--db', db, '--format', 'jsonl'], exported), exported.err()).toBe(0);
      const runs = captureIo({ env });
      expect(await runCli(['runs', '--db', db, '--format', 'json'], runs), runs.err()).toBe(0);
      const everything = [
        readFileSync(db, 'latin1'),
        existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`, 'latin1') : '',
        JSON.stringify(rows),
        exported.out(),
        runs.out(),
        io.err(),
      ].join('\n');
      const forms = [key, jsonEscapeAll(key), encodeURIComponent(key)];
      for (const form of forms) expect(everything).not.toContain(form);
      expect(everything.toLowerCase()).not.toContain(jsonEscapeAll(key).toLowerCase());
    });
  }

  for (const [label, url] of [
    ['user:password@', 'http://alice:hunter2secret@127.0.0.1:9/v1'],
    ['?key=', 'http://127.0.0.1:9/v1?key=hunter2secret'],
  ] as const) {
    it(`refuses a --base-url with ${label} in one line that does not show the secret, and stores nothing`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'candor-secrets-'));
      const db = join(folder, 'c.db');
      const io = captureIo();
      const code = await runCli(
        [
          'run',
          '--model',
          'openai-compatible:m',
          '--base-url',
          url,
          '--set',
          questionsFile(folder),
          '--db',
          db,
          '--quiet',
          '--run-id',
          'r',
        ],
        io,
      );
      expect(code).not.toBe(0);
      expect(io.err()).toMatch(/base URL .* (carries credentials|has a query string).*--api-key-env/);
      expect(io.err()).not.toContain('hunter2secret');
      const runs = captureIo();
      await runCli(['runs', '--db', db, '--format', 'json'], runs);
      expect(runs.out()).not.toContain('hunter2secret');
      expect(readFileSync(db, 'latin1')).not.toContain('hunter2secret');
    });
  }
});
