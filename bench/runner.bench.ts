/**
 * Runner throughput against the mock server in its own process (loopback), as a ratio to the ideal
 * (concurrency / latency), with every outcome committed to SQLite.
 * Goals: ≥ 0.9 of ideal at 1024 / 100 ms (issue 3) and at 1024 / 500 ms (issue 17) on a 2-core machine.
 * Run: npm run bench:runner [-- --latency 500 --levels 1024 --requests 15360 --rounds 2 --profile]
 *   --latency ms     the mock server's latency (default 100)
 *   --levels a,b,c   concurrency levels (default 64,256,1024; a bare first argument `64,256` still works)
 *   --requests n     requests per level (default max(2000, 15 × concurrency))
 *   --rounds n       runs of each level, each into a fresh store (default 2). Round 1 of the first level is
 *                    "cold": a fresh process whose code V8 has not compiled yet and which opens every
 *                    connection; later rounds are "warm", as a long run is after its first seconds.
 *   --mock-warm-up n requests the mock server serves before it is measured (default 4096): a vendor's
 *                    server is warm; a fresh mock process is not (bench/mock-server-process.ts)
 *   --bare           no engine and no store: `concurrency` loops calling the provider adapter's doGenerate,
 *                    nothing committed. The ceiling the engine is measured against (run it as its own
 *                    process, so that its cold round is cold too)
 *   --profile        write a CPU profile of each run (not its setup) to the current folder
 * The cpu columns are CPU seconds used during the run by this process and by the mock server's process:
 * on a shared machine a ratio well below 1 with both below the wall time means waiting on other jobs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createProviderModel } from '../src/providers/index.js';
import { createRunRecord, executeRun, toGenerateRequest, type CollectionSettings } from '../src/runner/index.js';
import { startInTurns } from '../src/runner/leases.js';
import { openStore } from '../src/store/index.js';
import { makeQuestion } from '../src/store/test-support/store-fixtures.js';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
const bareLevels = process.argv[2] !== undefined && !process.argv[2].startsWith('--') ? process.argv[2] : undefined;
const LATENCY_MS = Number(argument('latency') ?? '100');
const levels = (argument('levels') ?? bareLevels ?? '64,256,1024').split(',').map(Number);
const requestsOption = argument('requests');
const profile = process.argv.includes('--profile');
const rounds = Number(argument('rounds') ?? '2');
const mockWarmUp = Number(argument('mock-warm-up') ?? '4096');
const bare = process.argv.includes('--bare');
if (
  !(LATENCY_MS >= 0) ||
  levels.some((level) => !(level >= 1)) ||
  !(Number.isInteger(rounds) && rounds >= 1) ||
  !(mockWarmUp >= 0) ||
  (requestsOption !== undefined && !(Number(requestsOption) >= 1))
) {
  throw new Error(
    `bench:runner: bad arguments ${process.argv.slice(2).join(' ')} (want --latency ms --levels a,b,c --requests n --rounds n --mock-warm-up n)`,
  );
}

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    resolve(import.meta.dirname, 'mock-server-process.ts'),
    String(LATENCY_MS),
    '--warm-up',
    String(mockWarmUp),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolveUrl) => {
  createInterface({ input: child.stdout! }).once('line', (line) => resolveUrl(line.trim()));
});

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The bare loop (--bare): the provider adapter's requests with nothing around them. */
async function askBare(
  model: ReturnType<typeof createProviderModel>,
  settings: CollectionSettings,
  questions: readonly { text: string }[],
  concurrency: number,
): Promise<{ statusCounts: Partial<Record<string, number>> }> {
  const statusCounts: Partial<Record<string, number>> = {};
  let next = 0;
  const loop = async () => {
    while (next < questions.length) {
      const result = await model.doGenerate(toGenerateRequest(settings, questions[next++]!.text));
      statusCounts[result.status] = (statusCounts[result.status] ?? 0) + 1;
    }
  };
  // Started as the engine starts its slots (src/runner/leases.ts), so the two differ only in the engine.
  await startInTurns(concurrency, loop);
  return { statusCounts };
}

const folder = mkdtempSync(join(tmpdir(), 'candor-bench-runner-'));
console.log(`mock server ${url}, latency ${LATENCY_MS} ms, SQLite in ${folder}`);
console.log(
  `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);
console.log(
  '     round  concurrency  requests  seconds  req/s    ideal    ratio  rss MB  cpu s  mock cpu s  committed',
);
let runIndex = 0;
try {
  for (const concurrency of levels.flatMap((level) => Array.from({ length: rounds }, () => level))) {
    runIndex += 1;
    const round = `${bare ? 'bare ' : ''}${runIndex === 1 ? 'cold' : 'warm'}`;
    const requests = requestsOption === undefined ? Math.max(2000, concurrency * 15) : Number(requestsOption);
    const store = await openStore(join(folder, `bench-${runIndex}.db`));
    const questions = Array.from({ length: requests }, (_, index) =>
      makeQuestion({ setName: 'bench', id: `q${index}`, text: `Write a short essay number ${index}`, domain: null }),
    );
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
    const run = createRunRecord({
      modelId: 'mock/model',
      provider: 'openai-compatible',
      set,
      settings,
      candorVersion: 'bench',
      gitCommit: null,
    });
    await store.putModel({ id: run.modelId, creator: null, family: null, releaseDate: null, reasoning: null });
    await store.putRun(run);
    const model = createProviderModel(settings.modelSpec, { baseURL: url, env: {} });
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const session = profile ? new Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const mockCpuBefore = processCpuSeconds(child.pid!);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const summary = bare
      ? await askBare(model, settings, questions, concurrency)
      : await executeRun({ store, run, settings, model, questions, concurrency });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const mockCpuAfter = processCpuSeconds(child.pid!);
    const mockCpu = mockCpuBefore === null || mockCpuAfter === null ? '?' : (mockCpuAfter - mockCpuBefore).toFixed(1);
    clearInterval(sampler);
    if (session) {
      const { profile: cpuProfile } = await session.post('Profiler.stop');
      const file = `runner-${concurrency}-${LATENCY_MS}ms-${runIndex}.cpuprofile`;
      writeFileSync(file, JSON.stringify(cpuProfile));
      session.disconnect();
      console.log(`profile written to ${file}`);
    }
    const committed = bare ? requests : (await store.listResponses({ runId: run.id })).length;
    await store.close();
    const rate = requests / seconds;
    const ideal = concurrency / (LATENCY_MS / 1000);
    console.log(
      `${round.padStart(10)}  ${String(concurrency).padStart(11)}  ${String(requests).padStart(8)}  ${seconds.toFixed(2).padStart(7)}  ${rate.toFixed(0).padStart(5)}  ${ideal.toFixed(0).padStart(7)}  ${(rate / ideal).toFixed(3).padStart(6)}  ${(peakRss / 1e6).toFixed(0).padStart(6)}  ${((cpu.user + cpu.system) / 1e6).toFixed(1).padStart(5)}  ${mockCpu.padStart(10)}  ${committed}/${requests}${summary.statusCounts.success === requests ? '' : ` ${JSON.stringify(summary.statusCounts)}`}`,
    );
  }
} finally {
  child.kill('SIGTERM');
  rmSync(folder, { recursive: true, force: true });
}
