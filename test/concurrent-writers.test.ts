import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { completion } from '../src/ingest/test-support/write-speechmap-fixture.js';
import { startMockServer, type MockServer } from '../src/mock-server/index.js';

/**
 * Any number of Candor processes share one SQLite file: real processes, one file, a loopback
 * mock server. Each outcome is stored exactly once and every command finishes.
 */
const root = resolve(import.meta.dirname, '..');
const QUESTIONS = 240;

interface Exit {
  code: number | null;
  stderr: string;
}

function candor(args: string[]): Promise<Exit> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/process-entry.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CANDOR_DB: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveExit) => child.on('exit', (code) => resolveExit({ code, stderr })));
}

function writeQuestions(folder: string, name: string): string {
  const path = join(folder, `${name}.jsonl`);
  const lines = Array.from({ length: QUESTIONS }, (_, index) =>
    JSON.stringify({ id: `q_${index}`, category: name, question: `Question ${index} of ${name}` }),
  );
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** A SpeechMap folder big enough that its import holds the write lock for a while. */
function writeSpeechMap(folder: string): string {
  const data = join(folder, 'speechmap');
  for (const sub of ['questions', 'responses']) mkdirSync(join(data, sub), { recursive: true });
  const questions = Array.from({ length: 1500 }, (_, index) => ({
    id: `sm_${index}`,
    category: 'sm_set',
    question: `SpeechMap question ${index}`,
  }));
  writeFileSync(join(data, 'questions', 'sm_set.jsonl'), questions.map((row) => JSON.stringify(row)).join('\n') + '\n');
  for (const model of ['lab-a/model-one', 'lab-b/model-two']) {
    const rows = questions.map((question, index) => ({
      question_id: question.id,
      question: question.question,
      model,
      category: 'sm_set',
      timestamp: `2025-02-01T00:00:${String(index % 60).padStart(2, '0')}`,
      response: completion(`Answer ${index} from ${model}. `.repeat(20)),
      api_provider: 'openrouter',
    }));
    writeFileSync(
      join(data, 'responses', `sm_set_${model.replace('/', '_')}.jsonl`),
      rows.map((row) => JSON.stringify(row)).join('\n') + '\n',
    );
  }
  return data;
}

function runArgs(db: string, set: string, runId: string): string[] {
  return [
    'run',
    '--model',
    'openai-compatible:mock/model',
    '--base-url',
    server!.url,
    '--set',
    set,
    '--concurrency',
    '8',
    '--db',
    db,
    '--quiet',
    '--run-id',
    runId,
  ];
}

function outcomes(db: string, runId: string): { rows: number; distinct: number; state: string | undefined } {
  const database = new Database(db, { readonly: true });
  try {
    const counts = database
      .prepare(
        "SELECT COUNT(*) AS rows, COUNT(DISTINCT question_id || '#' || sample) AS distinct_keys FROM responses WHERE run_id = ?",
      )
      .get(runId) as { rows: number; distinct_keys: number };
    const run = database.prepare('SELECT state FROM runs WHERE run_id = ?').get(runId) as { state: string } | undefined;
    return { rows: counts.rows, distinct: counts.distinct_keys, state: run?.state };
  } finally {
    database.close();
  }
}

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('several Candor processes on one SQLite file', () => {
  it('two runs at concurrency 8 both finish, every outcome stored exactly once', { timeout: 180_000 }, async () => {
    server = await startMockServer({ latencyMs: { min: 1, max: 6 } });
    const folder = mkdtempSync(join(tmpdir(), 'candor-writers-'));
    const db = join(folder, 'candor.db');
    const [a, b] = await Promise.all([
      candor(runArgs(db, writeQuestions(folder, 'set_a'), 'run-a')),
      candor(runArgs(db, writeQuestions(folder, 'set_b'), 'run-b')),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(a.stderr + b.stderr).not.toMatch(/locked|busy|error/i);
    expect(outcomes(db, 'run-a')).toEqual({ rows: QUESTIONS, distinct: QUESTIONS, state: 'finished' });
    expect(outcomes(db, 'run-b')).toEqual({ rows: QUESTIONS, distinct: QUESTIONS, state: 'finished' });
    expect(server.stats().completionRequests).toBe(2 * QUESTIONS);
  });

  it(
    'a run beside an import and beside `judge run --judge embedded` finish, nothing lost',
    { timeout: 240_000 },
    async () => {
      server = await startMockServer({ latencyMs: { min: 1, max: 6 } });
      const folder = mkdtempSync(join(tmpdir(), 'candor-writers-'));
      const db = join(folder, 'candor.db');
      const speechmap = writeSpeechMap(folder);
      // A first run gives the judge something to judge while the second run and the import write.
      const seed = await candor(runArgs(db, writeQuestions(folder, 'set_seed'), 'run-seed'));
      expect(seed.code, seed.stderr).toBe(0);
      const [run, imported, judged] = await Promise.all([
        candor(runArgs(db, writeQuestions(folder, 'set_c'), 'run-c')),
        candor(['import', 'speechmap', speechmap, '--db', db, '--quiet']),
        candor(['judge', 'run', '--judge', 'embedded', '--db', db, '--quiet', '--concurrency', '8']),
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr + imported.stderr + judged.stderr).not.toMatch(/locked|busy|error/i);
      expect(imported.code, imported.stderr).toBe(0);
      expect(judged.code, judged.stderr).toBe(0);
      expect(outcomes(db, 'run-c')).toEqual({ rows: QUESTIONS, distinct: QUESTIONS, state: 'finished' });
      const database = new Database(db, { readonly: true });
      const imports = database
        .prepare(
          "SELECT COUNT(*) AS n, COUNT(DISTINCT run_id || question_id || sample) AS d FROM responses WHERE set_name = 'sm_set'",
        )
        .get();
      const judgments = database
        .prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT response_id) AS d FROM judgments WHERE source = 'embedded'")
        .get() as { n: number; d: number };
      database.close();
      expect(imports).toEqual({ n: 3000, d: 3000 });
      expect(judgments.n).toBe(judgments.d);
      expect(judgments.n).toBeGreaterThanOrEqual(QUESTIONS);
    },
  );
});
