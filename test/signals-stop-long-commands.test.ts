import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';
import { completion } from '../src/ingest/test-support/write-speechmap-fixture.js';

/** SIGTERM and SIGINT stop every long command promptly: committed work stays, exit 143 / 130. */
const root = resolve(import.meta.dirname, '..');

function spawnCandor(args: string[]): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; stderr: string; at: number }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/process-entry.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CANDOR_DB: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    exited: new Promise((resolveExit) => child.on('exit', (code) => resolveExit({ code, stderr, at: Date.now() }))),
  };
}

function writeSpeechMap(folder: string, perModel: number): string {
  const data = join(folder, 'speechmap');
  for (const sub of ['questions', 'responses']) mkdirSync(join(data, sub), { recursive: true });
  const questions = Array.from({ length: perModel }, (_, index) => ({
    id: `sg_${index}`,
    category: 'sg_set',
    question: `Signal question ${index}`,
  }));
  writeFileSync(join(data, 'questions', 'sg_set.jsonl'), questions.map((row) => JSON.stringify(row)).join('\n') + '\n');
  for (const model of ['lab-a/one', 'lab-b/two', 'lab-c/three', 'lab-d/four']) {
    const rows = questions.map((question, index) => ({
      question_id: question.id,
      question: question.question,
      model,
      category: 'sg_set',
      timestamp: '2025-02-01T00:00:00',
      response: completion(`Answer ${index} from ${model}, with some words to judge. `.repeat(8)),
      api_provider: 'openrouter',
    }));
    writeFileSync(
      join(data, 'responses', `sg_set_${model.replace('/', '_')}.jsonl`),
      rows.map((row) => JSON.stringify(row)).join('\n') + '\n',
    );
  }
  return data;
}

function count(db: string, sql: string): number {
  if (!existsSync(db)) return 0;
  const database = new Database(db, { readonly: true });
  try {
    return (database.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    database.close();
  }
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

describe('signals stop long commands', () => {
  it(
    '`judge run --judge embedded` stops on SIGTERM: exit 143, judgments so far kept, a rerun finishes the rest',
    { timeout: 180_000 },
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'candor-signal-judge-'));
      const db = join(folder, 'c.db');
      const imported = captureIo();
      expect(
        await runCli(['import', 'speechmap', writeSpeechMap(folder, 3000), '--db', db, '--quiet'], imported),
        imported.err(),
      ).toBe(0);
      const total = count(db, 'SELECT COUNT(*) AS n FROM responses');
      const { child, exited } = spawnCandor(['judge', 'run', '--judge', 'embedded', '--db', db, '--quiet']);
      await waitFor(() => count(db, "SELECT COUNT(*) AS n FROM judgments WHERE source = 'embedded'") > 0, 60_000);
      const sent = Date.now();
      child.kill('SIGTERM');
      const exit = await exited;
      expect(exit.code, exit.stderr).toBe(143);
      expect(exit.at - sent).toBeLessThan(10_000);
      const kept = count(db, "SELECT COUNT(*) AS n FROM judgments WHERE source = 'embedded'");
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(total);
      const rerun = captureIo();
      expect(await runCli(['judge', 'run', '--judge', 'embedded', '--db', db, '--quiet'], rerun), rerun.err()).toBe(0);
      expect(count(db, "SELECT COUNT(DISTINCT response_id) AS n FROM judgments WHERE source = 'embedded'")).toBe(total);
    },
  );

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(
      `\`import\` stops on ${signal} while reading: exit ${code}, nothing half-written`,
      { timeout: 120_000 },
      async () => {
        const folder = mkdtempSync(join(tmpdir(), 'candor-signal-import-'));
        const db = join(folder, 'c.db');
        const data = writeSpeechMap(folder, 6000);
        const { child, exited } = spawnCandor(['import', 'speechmap', data, '--db', db, '--quiet']);
        await waitFor(() => existsSync(db), 60_000);
        await new Promise((resolveWait) => setTimeout(resolveWait, 300));
        const sent = Date.now();
        child.kill(signal);
        const exit = await exited;
        expect(exit.code, exit.stderr).toBe(code);
        expect(exit.at - sent).toBeLessThan(10_000);
        expect(exit.stderr).toMatch(/candor: stopped \((terminated|interrupted)\)/);
        expect(count(db, 'SELECT COUNT(*) AS n FROM responses')).toBe(0);
      },
    );
  }
});
