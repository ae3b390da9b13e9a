import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockFaultRule, type MockServer } from '../mock-server/index.js';
import { runCli } from './main.js';
import { captureIo } from './test-support/capture-io.js';

/** A SpeechMap-format question file whose prompts name the fault the mock server injects. */
function writeQuestions(prompts: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'candor-run-cli-'));
  const path = join(folder, 'faults.jsonl');
  writeFileSync(
    path,
    prompts
      .map((prompt, index) =>
        JSON.stringify({ id: `fault_${String(index).padStart(2, '0')}`, category: 'faults', question: prompt }),
      )
      .join('\n') + '\n',
  );
  return path;
}

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const FAULTS: [string, MockFaultRule, string, number][] = [
  // prompt marker, rule, expected status, expected requests for that prompt
  ['RATE_LIMIT_ONCE', { fault: 'rate_limit', match: 'RATE_LIMIT_ONCE', once: true, retryAfterMs: 30 }, 'success', 2],
  ['E500_TWICE', { fault: 'server_error_500', match: 'E500_TWICE', times: 2 }, 'success', 3],
  ['E502_ONCE', { fault: 'server_error_502', match: 'E502_ONCE', once: true }, 'success', 2],
  ['E503_ONCE', { fault: 'server_error_503', match: 'E503_ONCE', once: true }, 'success', 2],
  ['TIMEOUT_ONCE', { fault: 'timeout', match: 'TIMEOUT_ONCE', once: true }, 'success', 2],
  ['RESET_ONCE', { fault: 'reset', match: 'RESET_ONCE', once: true }, 'success', 2],
  ['ERROR_IN_200_ONCE', { fault: 'error_in_200', match: 'ERROR_IN_200_ONCE', once: true }, 'success', 2],
  ['MALFORMED_ALWAYS', { fault: 'malformed_json', match: 'MALFORMED_ALWAYS' }, 'provider_error', 3],
  ['CONTENT_FILTER', { fault: 'content_filter', match: 'CONTENT_FILTER' }, 'moderation', 1],
  ['FILTER_400', { fault: 'content_filter_400', match: 'FILTER_400' }, 'moderation', 1],
  ['EMPTY_STOP', { fault: 'empty_stop', match: 'EMPTY_STOP' }, 'moderation', 1],
  ['LENGTH', { fault: 'length', match: 'LENGTH' }, 'truncation', 1],
];

describe('candor run against the mock server', () => {
  it('stores the right status for every injected fault, retrying only what is retryable', async () => {
    server = await startMockServer({ latencyMs: 5, faults: FAULTS.map(([, rule]) => rule) });
    const set = writeQuestions([...FAULTS.map(([marker]) => `Write an essay ${marker}`), 'Write a plain essay']);
    const db = join(mkdtempSync(join(tmpdir(), 'candor-run-cli-db-')), 'candor.db');
    const io = captureIo({ env: {} });
    const args = [
      'run',
      '--model',
      'openai-compatible:mock/model',
      '--base-url',
      server.url,
      '--set',
      set,
      '--run-id',
      'faults-run',
    ];
    const options = [
      '--concurrency',
      '4',
      '--timeout',
      '1',
      '--max-attempts',
      '3',
      '--retry-base-ms',
      '5',
      '--allow-truncation',
      '--db',
      db,
      '--quiet',
    ];
    expect(await runCli([...args, ...options], io), io.err()).toBe(0);
    expect(io.out()).toMatch(/run faults-run: finished/);

    const exported = captureIo();
    expect(await runCli(['export', '--format', 'jsonl', '--run', 'faults-run', '--db', db], exported)).toBe(0);
    const records = exported
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(FAULTS.length + 1);
    for (const record of records) {
      for (const key of ['run_id', 'model', 'question_id', 'sample', 'status', 'finish_reason', 'text'])
        expect(record).toHaveProperty(key);
    }
    const statusOf = new Map(records.map((record) => [String(record['question_id']), record['status']]));
    FAULTS.forEach(([marker, , status], index) => {
      expect([marker, statusOf.get(`fault_${String(index).padStart(2, '0')}`)]).toEqual([marker, status]);
    });
    expect(statusOf.get(`fault_${FAULTS.length}`)).toBe('success');

    const requests = server.stats().recentBodies as { messages: { content: string }[] }[];
    const callsFor = (marker: string) =>
      requests.filter((body) => body.messages.some((message) => message.content.includes(marker))).length;
    for (const [marker, , , calls] of FAULTS) expect([marker, callsFor(marker)]).toEqual([marker, calls]);

    const runs = captureIo();
    expect(await runCli(['runs', '--format', 'json', '--db', db], runs)).toBe(0);
    const [summary] = JSON.parse(runs.out()) as { run_id: string; statuses: Record<string, number>; state: string }[];
    expect(summary).toMatchObject({
      run_id: 'faults-run',
      state: 'finished',
      statuses: { success: 8, provider_error: 1, moderation: 3, truncation: 1 },
    });
  });

  it('stops on a payload nobody recognises, exit code 3, and the outcome is quarantined', async () => {
    server = await startMockServer({ latencyMs: 1, faults: [{ fault: 'unknown_shape', match: 'STRANGE' }] });
    const set = writeQuestions(['first STRANGE prompt', 'second prompt', 'third prompt']);
    const db = join(mkdtempSync(join(tmpdir(), 'candor-run-cli-db-')), 'candor.db');
    const io = captureIo();
    const code = await runCli(
      [
        'run',
        '--model',
        'openai-compatible:m',
        '--base-url',
        server.url,
        '--set',
        set,
        '--concurrency',
        '1',
        '--db',
        db,
        '--quiet',
      ],
      io,
    );
    expect(code).toBe(3);
    expect(io.err()).toMatch(/stopping \(unknown_shape\): quarantined an unrecognised payload for fault_00/);
    expect(io.out()).toMatch(/2 still to ask: candor run --resume/);
  });

  it('replays a stored run offline as a provider, reproducing every outcome', async () => {
    server = await startMockServer({ latencyMs: 1, faults: [{ fault: 'content_filter', match: 'BLOCK' }] });
    const set = writeQuestions(['one essay', 'two BLOCK essay', 'three essay']);
    const db = join(mkdtempSync(join(tmpdir(), 'candor-run-cli-db-')), 'candor.db');
    const first = captureIo();
    expect(
      await runCli(
        [
          'run',
          '--model',
          'openai-compatible:m',
          '--base-url',
          server.url,
          '--set',
          set,
          '--run-id',
          'original',
          '--db',
          db,
          '--quiet',
        ],
        first,
      ),
      first.err(),
    ).toBe(0);
    await server.close();
    server = null;
    const replay = captureIo();
    expect(
      await runCli(
        ['run', '--model', 'replay:original', '--set', set, '--run-id', 'replayed', '--db', db, '--quiet'],
        replay,
      ),
      replay.err(),
    ).toBe(0);
    const exported = captureIo();
    await runCli(['export', '--db', db], exported);
    const records = exported
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { run_id: string; question_id: string; status: string; text: string });
    const view = (runId: string) =>
      records
        .filter((record) => record.run_id === runId)
        .map((record) => [record.question_id, record.status, record.text]);
    expect(view('replayed')).toEqual(view('original'));
    expect(view('original').map((row) => row[1])).toEqual(['success', 'moderation', 'success']);
  });

  it('never writes the API key to the store or the export', async () => {
    server = await startMockServer({ latencyMs: 1 });
    const set = writeQuestions(['hello']);
    const db = join(mkdtempSync(join(tmpdir(), 'candor-run-cli-db-')), 'candor.db');
    const secret = 'fake-test-key-SECRET-0123456789';
    const io = captureIo({ env: { MY_KEY: secret } });
    expect(
      await runCli(
        [
          'run',
          '--model',
          'openai-compatible:m',
          '--base-url',
          server.url,
          '--api-key-env',
          'MY_KEY',
          '--set',
          set,
          '--db',
          db,
          '--quiet',
        ],
        io,
      ),
      io.err(),
    ).toBe(0);
    const exported = captureIo();
    await runCli(['export', '--raw', '--db', db], exported);
    const runs = captureIo();
    await runCli(['runs', '--format', 'json', '--db', db], runs);
    expect(exported.out()).not.toContain(secret);
    expect(runs.out()).not.toContain(secret);
    expect(runs.out()).toContain('MY_KEY');
    const { existsSync, readFileSync } = await import('node:fs');
    for (const file of [db, `${db}-wal`].filter((path) => existsSync(path))) {
      expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
    }
  });
});
