/**
 * Runner throughput against the mock server on loopback (100 ms latency), at concurrency 64, 256
 * and 1024, as a ratio to the ideal (concurrency / latency), with every outcome committed to SQLite.
 * Goal (issue 3): ≥ 0.9 of ideal at 1024 on a 2-core machine. Run: npm run bench:runner
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createProviderModel } from '../src/providers/index.js';
import { createRunRecord, executeRun, type CollectionSettings } from '../src/runner/index.js';
import { openStore } from '../src/store/index.js';
import { makeQuestion } from '../src/store/test-support/store-fixtures.js';

const LATENCY_MS = 100;
const levels = (process.argv[2] ?? '64,256,1024').split(',').map(Number);

const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'mock-server-process.ts'), String(LATENCY_MS)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolveUrl) => {
  createInterface({ input: child.stdout! }).once('line', (line) => resolveUrl(line.trim()));
});

const folder = mkdtempSync(join(tmpdir(), 'candor-bench-runner-'));
console.log(`mock server ${url}, latency ${LATENCY_MS} ms, SQLite in ${folder}`);
console.log('concurrency  requests  seconds  req/s    ideal    ratio  rss MB  committed');
try {
  for (const concurrency of levels) {
    const requests = Math.max(2000, concurrency * 15);
    const store = await openStore(join(folder, `bench-${concurrency}.db`));
    const questions = Array.from({ length: requests }, (_, index) => makeQuestion({ setName: 'bench', id: `q${index}`, text: `Write a short essay number ${index}`, domain: null }));
    const set = { name: 'bench', title: null, source: 'bench', format: 'candor-jsonl', contentHash: 'bench' };
    await store.putQuestionSet(set, questions);
    const settings: CollectionSettings = {
      modelSpec: 'openai-compatible:mock/model',
      baseURL: url,
      maxTokens: 200,
      temperature: null,
      reasoning: null,
      systemPrompt: null,
      samples: 1,
      timeoutMs: 60_000,
      routing: null,
      apiKeyEnv: null,
    };
    const run = createRunRecord({ modelId: 'mock/model', provider: 'openai-compatible', set, settings, candorVersion: 'bench', gitCommit: null });
    await store.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
    await store.putRun(run);
    const model = createProviderModel(settings.modelSpec, { baseURL: url, env: {} });
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const started = performance.now();
    const summary = await executeRun({ store, run, settings, model, questions, concurrency });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const committed = (await store.listResponses({ runId: run.id })).length;
    await store.close();
    const rate = requests / seconds;
    const ideal = concurrency / (LATENCY_MS / 1000);
    console.log(
      `${String(concurrency).padStart(11)}  ${String(requests).padStart(8)}  ${seconds.toFixed(2).padStart(7)}  ${rate.toFixed(0).padStart(5)}  ${ideal.toFixed(0).padStart(7)}  ${(rate / ideal).toFixed(3).padStart(6)}  ${(peakRss / 1e6).toFixed(0).padStart(6)}  ${committed}/${requests}${summary.statusCounts.success === requests ? '' : ` ${JSON.stringify(summary.statusCounts)}`}`,
    );
  }
} finally {
  child.kill('SIGTERM');
  rmSync(folder, { recursive: true, force: true });
}
