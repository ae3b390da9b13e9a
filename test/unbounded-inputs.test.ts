import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';
import { readJsonLines } from '../src/datasets/read-json-lines.js';
import { openStore } from '../src/store/index.js';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
  server = null;
});

/** A provider that streams a 40 MB answer (chunked: no content-length to refuse it early). */
async function floodingServer(): Promise<string> {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write(
        '{"id":"g","object":"chat.completion","model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"',
      );
      const chunk = 'flood '.repeat(100_000);
      let sent = 0;
      const pump = () => {
        while (sent < 40 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end('"}}]}');
      };
      response.on('error', () => {});
      pump();
    });
  });
  await new Promise<void>((resolveListen) => server!.listen(0, '127.0.0.1', resolveListen));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('unbounded inputs are cut at a stated limit', () => {
  it(
    'a provider body over 32 MiB is stored as a too_large provider error, not retried, and the run finishes',
    { timeout: 60_000 },
    async () => {
      const url = await floodingServer();
      const folder = mkdtempSync(join(tmpdir(), 'candor-flood-'));
      const set = join(folder, 'q.jsonl');
      writeFileSync(set, '{"id":"q1","category":"s","question":"flood me"}\n');
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
          set,
          '--db',
          db,
          '--quiet',
          '--run-id',
          'flood',
        ],
        io,
      );
      expect(code, io.err()).toBe(0);
      const store = await openStore(db);
      try {
        const [outcome] = await store.listResponses({ runId: 'flood' });
        expect(outcome).toMatchObject({ status: 'provider_error', finalText: null });
        expect(outcome!.statusDetail).toMatch(/^too_large: the response body was larger than 33554432 bytes/);
        expect(outcome!.rawPayload.length).toBeLessThan(200_000);
        expect((await store.getRun('flood'))?.state).toBe('finished');
      } finally {
        await store.close();
      }
    },
  );
});

describe('hostile data files', () => {
  async function importFolder(prepare: (folder: string) => void): Promise<{ code: number; err: string }> {
    const folder = mkdtempSync(join(tmpdir(), 'candor-hostile-import-'));
    for (const sub of ['questions', 'responses']) mkdirSync(join(folder, sub));
    writeFileSync(join(folder, 'questions', 'hs.jsonl'), '{"id":"hs_1","category":"hs","question":"Q"}\n');
    prepare(folder);
    const io = captureIo();
    const code = await runCli(['import', 'speechmap', folder, '--db', join(folder, 'c.db'), '--quiet'], io);
    return { code, err: io.err() };
  }

  it(
    'a gzip holding one line over 16 MiB is refused in one line naming file and line',
    { timeout: 60_000 },
    async () => {
      const { code, err } = await importFolder((folder) =>
        writeFileSync(
          join(folder, 'responses', 'hs_lab_model.jsonl.gz'),
          gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61)),
        ),
      );
      expect(code).not.toBe(0);
      expect(err).toMatch(/hs_lab_model\.jsonl\.gz:1: line is longer than 16777216 bytes/);
      expect(err.trim().split('\n')).toHaveLength(1);
    },
  );

  it('a FIFO named *.jsonl is refused at once instead of waiting for a writer', { timeout: 30_000 }, async () => {
    const { code, err } = await importFolder((folder) =>
      execFileSync('mkfifo', [join(folder, 'responses', 'hs_lab_model.jsonl')]),
    );
    expect(code).not.toBe(0);
    expect(err).toMatch(/hs_lab_model\.jsonl: is a FIFO \(named pipe\), not a regular file/);
  });

  it('invalid UTF-8 in a JSONL file is refused (as CSV is), not turned into U+FFFD', async () => {
    const { code, err } = await importFolder((folder) =>
      writeFileSync(
        join(folder, 'questions', 'hs.jsonl'),
        Buffer.concat([
          Buffer.from('{"id":"hs_1","category":"hs","question":"caf'),
          Buffer.from([0xe9]),
          Buffer.from('"}\n'),
        ]),
      ),
    );
    expect(code).not.toBe(0);
    expect(err).toMatch(/hs\.jsonl:1: is not valid UTF-8/);
  });

  it('a file over the decompressed limit stops there with one line (a gzip bomb)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'candor-bomb-'));
    const path = join(folder, 'bomb.jsonl.gz');
    writeFileSync(path, gzipSync(Buffer.from('{"id":"x","question":"y"}\n'.repeat(200_000))));
    const read = async () => {
      let rows = 0;
      for await (const _ of readJsonLines(path, { maxFileBytes: 1024 * 1024 })) rows += 1;
      return rows;
    };
    await expect(read()).rejects.toThrow(
      `${path}: is larger than 1048576 bytes once decompressed; Candor reads files up to that size (split it)`,
    );
  });
});

describe('file names that are not UTF-8', () => {
  it('are reported as such, not as "does not exist"', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'candor-latin1-'));
    for (const sub of ['questions', 'responses']) mkdirSync(join(folder, sub));
    writeFileSync(join(folder, 'questions', 'hs.jsonl'), '{"id":"hs_1","category":"hs","question":"Q"}\n');
    // "hs_caf\xe9.jsonl": a Latin-1 name, as old archives carry.
    writeFileSync(
      Buffer.concat([Buffer.from(join(folder, 'responses', 'hs_caf')), Buffer.from([0xe9]), Buffer.from('.jsonl')]),
      '{}\n',
    );
    const io = captureIo();
    expect(await runCli(['import', 'speechmap', folder, '--db', join(folder, 'c.db'), '--quiet'], io)).toBe(1);
    expect(io.err()).toMatch(/hs_caf\uFFFD\.jsonl: cannot be opened: its name is not valid UTF-8/);
  });
});
