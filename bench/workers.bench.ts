/**
 * Distributed-run throughput: N `candor worker` processes (1, 2, 4, 8, 16) on one Postgres (embedded),
 * against the mock server in its own process (100 ms latency), each worker at concurrency 16.
 * Throughput is counted from the first to the last item finished (process start-up excluded), so it
 * should grow with N until the machine saturates. Run: npm run bench:workers [-- 1,2,4,8,16]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createRunRecord, type CollectionSettings } from '../src/runner/index.js';
import { openStore } from '../src/store/index.js';
import { startTestPostgres } from '../src/store/test-support/start-test-postgres.js';

const LATENCY_MS = 100;
const CONCURRENCY = 16;
const levels = (process.argv[2] ?? '1,2,4,8,16').split(',').map(Number);
const root = resolve(import.meta.dirname, '..');

const mock = spawn(
  process.execPath,
  ['--import', 'tsx', resolve(import.meta.dirname, 'mock-server-process.ts'), String(LATENCY_MS)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const mockUrl = await new Promise<string>((resolveUrl) =>
  createInterface({ input: mock.stdout! }).once('line', (line) => resolveUrl(line.trim())),
);
const postgres = await startTestPostgres();
if ('skipReason' in postgres) {
  mock.kill('SIGTERM');
  throw new Error(`no Postgres for the benchmark: ${postgres.skipReason}`);
}

async function enqueueRun(url: string, items: number): Promise<void> {
  const store = await openStore(url);
  const set = { name: 'bench', title: null, source: 'bench', format: 'candor-jsonl', contentHash: 'bench' };
  const questions = Array.from({ length: items }, (_, index) => ({
    setName: 'bench',
    id: `q${index}`,
    text: `Write a short essay number ${index}`,
    domain: null,
    theme: null,
    variation: null,
    targetCountry: null,
    language: 'en',
    templateId: null,
    tags: [],
    translationOf: null,
    translationKind: 'original' as const,
  }));
  await store.putQuestionSet(set, questions);
  const settings: CollectionSettings = {
    modelSpec: 'openai-compatible:mock/model',
    baseURL: mockUrl,
    maxTokens: 200,
    temperature: null,
    reasoning: null,
    systemPrompt: null,
    samples: 1,
    timeoutMs: 60_000,
    routing: null,
    apiKeyEnv: null,
  };
  const run = createRunRecord({
    runId: 'bench-run',
    modelId: 'mock/model',
    provider: 'openai-compatible',
    set,
    settings,
    candorVersion: 'bench',
    gitCommit: null,
  });
  await store.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putRun(run);
  await store.enqueueWork(
    'collect',
    questions.map((question) => ({ runId: run.id, questionId: question.id, sample: 0 })),
  );
  await store.close();
}

function startWorker(url: string): { child: ChildProcess; exit: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/process-entry.ts'),
      'worker',
      '--db',
      url,
      '--concurrency',
      String(CONCURRENCY),
      '--until-empty',
      '--quiet',
      '--poll-ms',
      '50',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CANDOR_DB: '' },
    },
  );
  return { child, exit: new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code))) };
}

console.log(
  `mock server ${mockUrl} (${LATENCY_MS} ms latency), embedded Postgres, ${cpus().length} CPUs, concurrency ${CONCURRENCY} per worker`,
);
console.log('workers  items  seconds  items/s  ideal/s  ratio  speed-up  stored');
let base = 0;
try {
  for (const workers of levels) {
    const items = Math.max(1500, workers * CONCURRENCY * 40);
    const url = await postgres.createDatabase();
    await enqueueRun(url, items);
    const started = Array.from({ length: workers }, () => startWorker(url));
    const codes = await Promise.all(started.map((worker) => worker.exit));
    const store = await openStore(url);
    const done = await store.listResponses({ runId: 'bench-run' });
    await store.close();
    const times = done
      .map((response) => Date.parse(response.receivedAt ?? ''))
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const seconds = (times[times.length - 1]! - times[0]!) / 1000;
    const rate = (done.length - 1) / seconds;
    base ||= rate;
    const ideal = (workers * CONCURRENCY) / (LATENCY_MS / 1000);
    console.log(
      `${String(workers).padStart(7)}  ${String(items).padStart(5)}  ${seconds.toFixed(2).padStart(7)}  ${rate.toFixed(0).padStart(7)}  ${ideal.toFixed(0).padStart(7)}  ${(rate / ideal).toFixed(2).padStart(5)}  ${(rate / base).toFixed(2).padStart(8)}  ${done.length}/${items}${codes.every((code) => code === 0) ? '' : ` exit codes ${codes.join(',')}`}`,
    );
  }
} finally {
  mock.kill('SIGTERM');
  await postgres.stop();
}
