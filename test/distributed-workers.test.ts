import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';
import { maxInRollingWindow, startMockServer, type MockServer } from '../src/mock-server/index.js';
import { startTestPostgres } from '../src/store/test-support/start-test-postgres.js';

const root = resolve(import.meta.dirname, '..');
const postgres = await startTestPostgres();

function writeQuestions(count: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'candor-dist-')), 'questions.jsonl');
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `q_${String(index).padStart(3, '0')}`,
      category: 'dist_set',
      question: `Question number ${index}`,
    }),
  );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** `candor worker` in a child process, from the TypeScript sources. */
function spawnWorker(url: string, extra: string[]): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/process-entry.ts'),
      'worker',
      '--db',
      url,
      '--until-empty',
      '--quiet',
      ...extra,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CANDOR_DB: '' },
    },
  );
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal, output })));
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

async function enqueue(
  url: string,
  server: MockServer,
  questions: number,
  runId: string,
  extra: string[] = [],
): Promise<void> {
  const io = captureIo();
  const args = [
    'run',
    '--enqueue',
    '--model',
    'openai-compatible:mock/model',
    '--base-url',
    server.url,
    '--set',
    writeQuestions(questions),
    '--run-id',
    runId,
    '--db',
    url,
    ...extra,
  ];
  expect(await runCli(args, io), io.err()).toBe(0);
  expect(io.out()).toContain(`enqueued ${questions} work items`);
  expect(io.out()).not.toContain('test-secret-pw');
}

let server: MockServer | null = null;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await server?.close();
  server = null;
});

if ('skipReason' in postgres) {
  console.warn(`distributed worker tests skipped: ${postgres.skipReason}`);
  describe.skip(`distributed workers on Postgres (${postgres.skipReason})`, () => {
    it('needs a Postgres server', () => {});
  });
} else {
  afterAll(() => postgres.stop());

  describe('distributed workers on Postgres', () => {
    it(
      '4 workers, one killed with SIGKILL mid-run: every item is done exactly once after its lease expires',
      // Retried: the moment of the kill is a race (the victim may hold no lease, or finish what it held, in
      // that instant); each attempt is a fresh database and server, and asserts everything below.
      { timeout: 120_000, retry: 2 },
      async () => {
        const QUESTIONS = 400;
        server = await startMockServer({ latencyMs: 60 });
        const url = await postgres.createDatabase();
        await enqueue(url, server, QUESTIONS, 'dist-run');

        const workers = Array.from({ length: 4 }, () =>
          spawnWorker(url, ['--concurrency', '4', '--lease-ms', '2500', '--poll-ms', '100']),
        );
        children.push(...workers);
        const exits = workers.map(exitOf);
        // Wait until every worker holds leases, so the one killed is surely mid-run.
        let owners: string[] = [];
        await waitFor(async () => {
          const rows = await query<{ lease_owner: string }>(
            url,
            "SELECT DISTINCT lease_owner FROM work_items WHERE state = 'leased'",
          );
          owners = rows.map((row) => row.lease_owner);
          const done = await query<{ n: number }>(
            url,
            "SELECT COUNT(*)::int AS n FROM work_items WHERE state = 'done'",
          );
          return owners.length === 4 && done[0]!.n >= 40;
        }, 60_000);
        const victim = workers[0]!;
        const victimOwner = owners.find((owner) => owner.split(':')[1] === String(victim.pid));
        // Its leases just before the kill: read after it, a loaded machine may already have let them expire and be retaken.
        const orphaned = await query<{ item_id: number }>(
          url,
          "SELECT item_id FROM work_items WHERE lease_owner = $1 AND state = 'leased'",
          [victimOwner],
        );
        victim.kill('SIGKILL');
        expect((await exits[0]!).signal).toBe('SIGKILL');
        expect(victimOwner).toBeDefined();

        const rest = await Promise.all(exits.slice(1));
        for (const exit of rest) expect(exit.code, exit.output).toBe(0);

        const states = await query<{ state: string; n: number }>(
          url,
          'SELECT state, COUNT(*)::int AS n FROM work_items GROUP BY state',
        );
        expect(states).toEqual([{ state: 'done', n: QUESTIONS }]);
        const [outcomes] = await query<{ rows: number; current: number; keys: number }>(
          url,
          "SELECT COUNT(*)::int AS rows, SUM(is_current)::int AS current, COUNT(DISTINCT question_id || '#' || sample)::int AS keys FROM responses WHERE run_id = 'dist-run'",
        );
        expect(outcomes).toEqual({ rows: QUESTIONS, current: QUESTIONS, keys: QUESTIONS });
        // The dead worker's leased items were taken over once their leases expired.
        expect(orphaned.length).toBeGreaterThan(0);
        const retaken = await query<{ attempts: number; state: string }>(
          url,
          'SELECT attempts, state FROM work_items WHERE item_id = ANY($1)',
          [orphaned.map((row) => row.item_id)],
        );
        // All done; those still leased at the kill (not finished in the instant before it) were taken over.
        expect(retaken.every((row) => row.state === 'done')).toBe(true);
        expect(retaken.filter((row) => row.attempts >= 2).length).toBeGreaterThan(0);
        // The server answered each item once, plus at most what the killed worker had asked and not yet
        // committed (a worker takes its next item only once the last outcome is committed).
        expect(server.stats().completionRequests).toBeLessThanOrEqual(QUESTIONS + 4);
        const [run] = await query<{ state: string }>(url, "SELECT state FROM runs WHERE run_id = 'dist-run'");
        expect(run!.state).toBe('finished');
      },
    );

    it('holds one rate limit across all workers, measured at the server', { timeout: 120_000 }, async () => {
      const LIMIT = 10;
      const WINDOW_MS = 1000;
      const QUESTIONS = 45;
      server = await startMockServer({ latencyMs: 5, rateLimit: { requestsPerMinute: LIMIT, windowMs: WINDOW_MS } });
      const url = await postgres.createDatabase();
      await enqueue(url, server, QUESTIONS, 'limited-run', [
        '--rpm',
        String(LIMIT),
        '--rate-window-ms',
        String(WINDOW_MS),
        '--rate-margin-ms',
        '500',
      ]);
      const workers = Array.from({ length: 4 }, () =>
        spawnWorker(url, ['--concurrency', '4', '--poll-ms', '100', '--max-attempts', '1']),
      );
      children.push(...workers);
      const exits = await Promise.all(workers.map(exitOf));
      for (const exit of exits) expect(exit.code, exit.output).toBe(0);

      const stats = server.stats();
      expect(stats.rateLimited).toBe(0);
      expect(stats.completionRequests).toBe(QUESTIONS);
      const busiest = maxInRollingWindow(stats.arrivalTimesMs, WINDOW_MS);
      expect(busiest).toBeLessThanOrEqual(LIMIT);
      // The limit was what paced the run: windows were filled, not left half empty.
      expect(busiest).toBeGreaterThanOrEqual(LIMIT - 2);
      const [outcomes] = await query<{ n: number }>(
        url,
        "SELECT COUNT(*)::int AS n FROM responses WHERE run_id = 'limited-run' AND status = 'success'",
      );
      expect(outcomes!.n).toBe(QUESTIONS);
    });
  });
}
