import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { maxInRollingWindow, startMockServer, type MockServer } from '../../mock-server/index.js';
import { openStore } from '../../store/index.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from '../../store/test-support/store-fixtures.js';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

/** A SQLite store with `count` responses of one run (every fifth a moderation block); returns its path. */
async function seedStore(count: number): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'candor-judge-enqueue-')), 'candor.db');
  const store = await openStore(path);
  const questions = Array.from({ length: count }, (_, index) =>
    makeQuestion({ id: `q${index}`, text: `Question ${index}` }),
  );
  await store.putQuestionSet(makeSet('set_a'), questions);
  await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putRun(makeRun('run-a'));
  await store.putResponses(
    questions.map((question, index) =>
      makeResponse({
        runId: 'run-a',
        questionId: question.id,
        status: index % 5 === 4 ? 'moderation' : 'success',
        finalText: `REQUEST answer ${index}`,
      }),
    ),
  );
  await store.close();
  return path;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

async function judgmentCounts(path: string, judgeId: string): Promise<number[]> {
  const store = await openStore(path);
  try {
    const responses = await store.listResponses({ runId: 'run-a' });
    return await Promise.all(
      responses.map(
        async (response) =>
          (await store.listJudgments(response.responseId)).filter((judgment) => judgment.judgeId === judgeId).length,
      ),
    );
  } finally {
    await store.close();
  }
}

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('candor judge run --enqueue and candor worker', () => {
  it(
    'enqueues each unjudged response once; a worker judges them (failed outcomes by rule)',
    { timeout: 60_000 },
    async () => {
      const path = await seedStore(10);
      const first = await cli(['judge', 'run', '--judge', 'embedded', '--enqueue', '--db', path]);
      expect(first.code, first.err).toBe(0);
      expect(first.out).toMatch(/enqueued 10 judge items/);
      expect(first.out).toContain('candor worker');
      expect((await cli(['judge', 'run', '--judge', 'embedded', '--enqueue', '--db', path])).out).toMatch(
        /enqueued 0 judge items/,
      );

      const worker = await cli(['worker', '--db', path, '--until-empty', '--quiet', '--poll-ms', '20']);
      expect(worker.code, worker.err).toBe(0);
      expect(worker.out).toMatch(/stored 10 judgments \(2 failed outcomes labelled without a call\)/);
      const store = await openStore(path);
      const judgeId = (await store.listJudgments(1))[0]!.judgeId;
      expect(await store.countWork({ kind: 'judge' })).toEqual({ queued: 0, leased: 0, expired: 0, done: 10 });
      await store.close();
      expect(await judgmentCounts(path, judgeId)).toEqual(Array(10).fill(1));
      // Nothing left: enqueueing again adds nothing, and a plain `judge run` finds nothing to do.
      expect((await cli(['judge', 'run', '--judge', 'embedded', '--enqueue', '--db', path])).out).toMatch(
        /enqueued 0 judge items \(0 responses/,
      );
      expect((await cli(['judge', 'run', '--judge', 'embedded', '--db', path, '--quiet'])).out).toMatch(/: 0 judged/);
    },
  );

  it(
    'an LLM judge from --config: --rpm becomes a limit the workers share through the store',
    { timeout: 60_000 },
    async () => {
      const limit = 4;
      const windowMs = 400;
      server = await startMockServer({
        latencyMs: 5,
        rateLimit: { requestsPerMinute: limit, windowMs },
        answers: [{ match: 'REQUEST', content: 'ANALYSIS: ok\nLABEL: COMPLETE' }],
      });
      const path = await seedStore(12);
      const config = join(mkdtempSync(join(tmpdir(), 'candor-judge-config-')), 'config.json');
      writeFileSync(config, JSON.stringify({ endpoints: { mockjudge: { baseURL: server.url } } }));
      const enqueued = await cli([
        'judge',
        'run',
        '--judge',
        'mockjudge:judge-model',
        '--enqueue',
        '--rpm',
        String(limit),
        '--rate-window-ms',
        String(windowMs),
        '--config',
        config,
        '--db',
        path,
      ]);
      expect(enqueued.code, enqueued.err).toBe(0);
      expect(enqueued.out).toMatch(/enqueued 12 judge items/);
      expect(enqueued.out).toMatch(/shared rate limit for mockjudge@127\.0\.0\.1:\d+: 4 requests per 400 ms/);

      const worker = await cli([
        'worker',
        '--db',
        path,
        '--until-empty',
        '--quiet',
        '--poll-ms',
        '20',
        '--only',
        'judge',
        '--judge-concurrency',
        '6',
        '--config',
        config,
        '--format',
        'json',
      ]);
      expect(worker.code, worker.err).toBe(0);
      const summary = JSON.parse(worker.out) as {
        judging: { judged: number; labels: Record<string, number> };
        stored?: number;
      };
      expect(summary.stored).toBeUndefined();
      expect(summary.judging.judged).toBe(12);
      expect(summary.judging.labels).toEqual({ COMPLETE: 10, ERROR_MODERATION: 2 });
      const stats = server.stats();
      expect(stats.completionRequests).toBe(10);
      expect(stats.rateLimited).toBe(0);
      expect(maxInRollingWindow(stats.arrivalTimesMs, windowMs)).toBeLessThanOrEqual(limit);
      expect(await judgmentCounts(path, 'mockjudge:judge-model')).toEqual(Array(12).fill(1));
    },
  );

  it('refuses --enqueue with --follow, and a URL as the judge spec', async () => {
    const path = await seedStore(1);
    expect(
      (await cli(['judge', 'run', '--judge', 'embedded', '--enqueue', '--follow', '--run', 'run-a', '--db', path])).err,
    ).toMatch(/--follow and --enqueue/);
    expect(
      (await cli(['judge', 'run', '--judge', 'openai-compatible:https://user:pw@host/v1', '--enqueue', '--db', path]))
        .err,
    ).toMatch(/not a URL/);
  });
});
