import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JudgeWorkerSummary, StopReason, WorkerSummary } from '../../runner/index.js';
import { openStore } from '../../store/index.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from '../../store/test-support/store-fixtures.js';
import { EXIT_CODES } from '../exit-codes.js';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';
import { workerExitCode } from './worker-command.js';

const collect = (stopReason: StopReason, halted = 0): WorkerSummary => ({
  owner: 'w',
  stopReason,
  stored: 0,
  duplicates: 0,
  statusCounts: {},
  released: 0,
  finishedRuns: [],
  haltedRuns: Array.from({ length: halted }, (_, index) => ({
    runId: `run-${index}`,
    reason: 'truncation' as const,
    detail: 'cut off',
  })),
  elapsedMs: 1,
});
const judging = (stopReason: StopReason): JudgeWorkerSummary => ({
  owner: 'w:judge',
  stopReason,
  judged: 0,
  byRule: 0,
  duplicates: 0,
  unavailable: 0,
  labels: {},
  released: 0,
  elapsedMs: 1,
});

describe('workerExitCode', () => {
  it('maps each stop reason to the exit-code table; the worse of the two loops wins', () => {
    expect(workerExitCode(collect('empty'), judging('empty'))).toBe(EXIT_CODES.ok);
    expect(workerExitCode(collect('error'), null)).toBe(EXIT_CODES.error);
    expect(workerExitCode(null, judging('store_error'))).toBe(EXIT_CODES.error);
    expect(workerExitCode(null, judging('refused'))).toBe(EXIT_CODES.refused);
    expect(workerExitCode(collect('guard'), null)).toBe(EXIT_CODES.refused);
    expect(workerExitCode(collect('budget'), judging('empty'))).toBe(EXIT_CODES.refused);
    expect(workerExitCode(collect('empty', 1), judging('empty'))).toBe(EXIT_CODES.refused);
    expect(workerExitCode(collect('interrupted', 1), judging('interrupted'))).toBe(EXIT_CODES.interrupted);
    expect(workerExitCode(collect('interrupted'), judging('error'))).toBe(EXIT_CODES.error);
  });
});

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolveClose) => (server ? server.close(resolveClose) : resolveClose(undefined)));
  server = null;
});

describe('candor worker and a judge refused alike', () => {
  it('stops judging with stop reason refused, prints its summary, keeps the items queued and exits 3', async () => {
    // An endpoint that refuses every request the same way (a wrong key).
    let requests = 0;
    server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
    });
    await new Promise<void>((resolveListen) => server!.listen(0, '127.0.0.1', resolveListen));
    const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

    const folder = mkdtempSync(join(tmpdir(), 'candor-worker-refused-'));
    const db = join(folder, 'candor.db');
    const store = await openStore(db);
    const questions = Array.from({ length: 5 }, (_, index) => makeQuestion({ id: `q${index}` }));
    await store.putQuestionSet(makeSet('set_a'), questions);
    await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
    await store.putRun(makeRun('run-a'));
    await store.putResponses(
      questions.map((question) =>
        makeResponse({ runId: 'run-a', questionId: question.id, status: 'success', finalText: 'An answer.' }),
      ),
    );
    await store.close();
    const config = join(folder, 'config.json');
    writeFileSync(config, JSON.stringify({ endpoints: { refusing: { baseURL } } }));

    const enqueue = captureIo();
    const judgeArgs = ['--judge', 'refusing:judge-model', '--enqueue', '--config', config, '--db', db];
    expect(await runCli(['judge', 'run', ...judgeArgs], enqueue), enqueue.err()).toBe(0);
    const io = captureIo();
    const args = ['--db', db, '--only', 'judge', '--until-empty', '--quiet', '--poll-ms', '20', '--config', config];
    const code = await runCli(['worker', ...args, '--judge-concurrency', '1'], io);
    expect(code, io.err()).toBe(EXIT_CODES.refused);
    expect(io.out()).toMatch(/judge worker \S+: stopped \(refused\)/);
    expect(io.err()).toMatch(
      /judging stopping \(refused\): judge refusing:judge-model stopped: the first 3 requests were all refused the same way \(HTTP 401/,
    );
    expect(requests).toBe(3);
    const after = await openStore(db);
    expect(await after.countWork({ kind: 'judge' })).toMatchObject({ queued: 5, leased: 0, done: 0 });
    await after.close();
  });
});
