import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';
import { startMockServer, type MockServer } from '../src/mock-server/index.js';

const root = resolve(import.meta.dirname, '..');
const QUESTIONS = 150;

function writeQuestions(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'candor-crash-')), 'questions.jsonl');
  const lines = Array.from({ length: QUESTIONS }, (_, index) =>
    JSON.stringify({
      id: `q_${String(index).padStart(3, '0')}`,
      category: 'crash_set',
      question: `Question number ${index}`,
    }),
  );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** `candor` in a child process, from the TypeScript sources. */
function spawnCandor(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/process-entry.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CANDOR_DB: '' },
  });
}

function countOutcomes(db: string): { rows: number; current: number; distinct: number } {
  let database: Database.Database;
  try {
    database = new Database(db, { readonly: true, fileMustExist: true });
  } catch {
    return { rows: 0, current: 0, distinct: 0 };
  }
  try {
    const row = database
      .prepare(
        "SELECT COUNT(*) AS rows, SUM(is_current) AS current, COUNT(DISTINCT question_id || '#' || sample) AS distinct_keys FROM responses WHERE run_id = 'crash-run'",
      )
      .get() as { rows: number; current: number | null; distinct_keys: number };
    return { rows: row.rows, current: row.current ?? 0, distinct: row.distinct_keys };
  } catch {
    return { rows: 0, current: 0, distinct: 0 };
  } finally {
    database.close();
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal, stderr })));
}

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('crash safety of `candor run`', () => {
  for (const [name, signal, expectedCode] of [
    ['kill -9 mid-run loses only requests in flight', 'SIGKILL', null],
    ['Ctrl-C drains in-flight requests and leaves a resumable run', 'SIGINT', 130],
  ] as const) {
    it(name, { timeout: 120_000 }, async () => {
      server = await startMockServer({ latencyMs: 40 });
      const set = writeQuestions();
      const db = join(mkdtempSync(join(tmpdir(), 'candor-crash-db-')), 'candor.db');
      const runArgs = [
        '--model',
        'openai-compatible:mock/model',
        '--base-url',
        server.url,
        '--set',
        set,
        '--concurrency',
        '4',
        '--db',
        db,
        '--quiet',
      ];
      const child = spawnCandor(['run', ...runArgs, '--run-id', 'crash-run']);
      const exited = exitOf(child);
      await waitFor(() => countOutcomes(db).rows >= 30, 60_000);
      child.kill(signal);
      const exit = await exited;
      if (signal === 'SIGKILL') expect(exit.signal).toBe('SIGKILL');
      else expect([exit.code, exit.stderr]).toEqual([expectedCode, expect.stringContaining('stopping (interrupted)')]);

      const afterStop = countOutcomes(db);
      expect(afterStop.rows).toBeGreaterThanOrEqual(30);
      expect(afterStop.rows).toBeLessThan(QUESTIONS);
      expect(afterStop.distinct).toBe(afterStop.rows);
      const committedIds = new Database(db, { readonly: true })
        .prepare("SELECT response_id FROM responses WHERE run_id = 'crash-run'")
        .all()
        .map((row) => (row as { response_id: number }).response_id);

      const resume = captureIo();
      expect(
        await runCli(['run', '--resume', 'crash-run', '--concurrency', '8', '--db', db, '--quiet'], resume),
        resume.err(),
      ).toBe(0);
      const final = countOutcomes(db);
      expect(final).toEqual({ rows: QUESTIONS, current: QUESTIONS, distinct: QUESTIONS });
      const stillThere = new Database(db, { readonly: true })
        .prepare(`SELECT COUNT(*) AS n FROM responses WHERE response_id IN (${committedIds.join(',')})`)
        .get() as { n: number };
      expect(stillThere.n).toBe(committedIds.length);
      // Requests the server answered = stored outcomes + at most those in flight when the process died.
      expect(server.stats().completionRequests).toBeLessThanOrEqual(QUESTIONS + 4);
    });
  }
});
