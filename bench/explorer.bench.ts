/**
 * Explorer benchmark (issues 6 and 14). On a synthetic store of 1,000,000 responses (300 models, 2,120
 * questions): API latency p50/p95 per endpoint (goal p95 < 100 ms), through the hono app in-process,
 * each request with distinct parameters so the response cache does not answer it; the gzip size of
 * the first page's JavaScript (goal ≤ 250 KB); and the static build time for 400,000 responses
 * (goal < 2 min). Stores are generated once into the temp folder and reused.
 * Run: npm run bench:explorer [-- --responses 1000000 --static-responses 400000 --iterations 40]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeSyntheticStore } from '../scripts/synthetic-explorer-store.js';
import { buildStaticSite } from '../src/server/build-static-site.js';
import { createExplorerApp } from '../src/server/create-explorer-app.js';
import { createExplorerData } from '../src/server/explorer-data.js';
import { findWebAssets } from '../src/server/web-assets.js';
import { openStore } from '../src/store/index.js';

const { values } = parseArgs({
  options: { responses: { type: 'string' }, 'static-responses': { type: 'string' }, iterations: { type: 'string' } },
});
const responses = Number(values.responses ?? 1_000_000);
const staticResponses = Number(values['static-responses'] ?? 400_000);
const iterations = Number(values.iterations ?? 40);

async function syntheticStore(count: number): Promise<string> {
  const path = join(tmpdir(), `candor-explorer-bench-${count}.db`);
  if (!existsSync(path)) {
    const started = performance.now();
    await writeSyntheticStore({ out: path, responses: count, models: 300 });
    console.log(`generated ${path} (${count} responses) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return path;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

function firstPageJavaScript(): { files: string[]; gzipBytes: number } {
  const webRoot = findWebAssets();
  if (!webRoot) throw new Error('dist/web is missing: npm run build');
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  return {
    files,
    gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(webRoot, file)), { level: 9 }).length, 0),
  };
}

const location = await syntheticStore(responses);
const store = await openStore(location);
const data = createExplorerData({ store, location });
const app = createExplorerApp({ data, webRoot: null });
let started = performance.now();
await data.warm();
console.log(
  `warm-up (label facts + questions, once per data change): ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
started = performance.now();
await data.search('warm', 1);
console.log(
  `search index (side file, built once per data change): ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const models = (await store.listModels()).map((model) => model.id);
const sets = (await store.listQuestionSets()).map((set) => set.name);
const questions = (await store.getQuestions('synthetic_hard')).map((question) => question.id);
const terms = [
  'accountability',
  'press freedom',
  'censorship law',
  '审查',
  '台湾',
  'court media',
  'election reform',
  'corruption',
  'protest history',
];
const endpoints: [string, (index: number) => string][] = [
  [
    'leaderboard',
    (index) =>
      `/api/leaderboard?${index % 2 ? 'excludeBlocked=1&' : ''}${index % 7 === 0 ? '' : `set=${sets[index % sets.length]}`}`,
  ],
  ['model', (index) => `/api/models/${models[index % models.length]}`],
  ['question (theme page)', (index) => `/api/questions/synthetic_hard/${questions[(index * 37) % questions.length]}`],
  [
    'compare',
    (index) => `/api/compare?a=${models[index % models.length]}&b=${models[(index * 7 + 1) % models.length]}`,
  ],
  ['map', (index) => `/api/map${index % 2 ? '?excludeBlocked=1' : ''}${index % 3 === 0 ? '' : ''}`],
  [
    'answers (drill-down)',
    (index) =>
      `/api/answers?model=${encodeURIComponent(models[index % models.length]!)}&set=${sets[index % sets.length]}${index % 3 === 0 ? '&label=DENIAL' : ''}`,
  ],
  [
    'answers, country filter',
    (index) =>
      `/api/answers?country=CN&label=${['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR'][index % 4]}&page=${1 + (index % 3)}`,
  ],
  ['themes index', (index) => `/api/themes${index % 2 ? '?excludeBlocked=1' : ''}`],
  [
    'search',
    (index) =>
      `/api/search?q=${encodeURIComponent(`${terms[index % terms.length]}${index >= terms.length ? ` ${terms[(index + 3) % terms.length]}` : ''}`)}`,
  ],
];
console.log(`\nAPI latency over ${iterations} requests each (distinct parameters where the endpoint has them; ms):`);
for (const [name, path] of endpoints) {
  const timings: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const begin = performance.now();
    const response = await app.request(path(index));
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path(index)}: ${response.status}`);
    timings.push(performance.now() - begin);
  }
  timings.sort((left, right) => left - right);
  console.log(
    `  ${name.padEnd(22)} p50 ${quantile(timings, 0.5).toFixed(1).padStart(7)}  p95 ${quantile(timings, 0.95).toFixed(1).padStart(7)}  max ${timings.at(-1)!.toFixed(1).padStart(7)}`,
  );
}
data.close();
await store.close();

const javascript = firstPageJavaScript();
console.log(
  `\nfirst page JavaScript: ${(javascript.gzipBytes / 1024).toFixed(1)} KB gzip (${javascript.files.join(', ')})`,
);

const staticLocation = await syntheticStore(staticResponses);
const staticStore = await openStore(staticLocation);
const out = mkdtempSync(join(tmpdir(), 'candor-explorer-bench-site-'));
started = performance.now();
const site = await buildStaticSite({ store: staticStore, location: staticLocation, out, webRoot: findWebAssets()! });
console.log(
  `static build, ${staticResponses} responses: ${((performance.now() - started) / 1000).toFixed(1)} s (${site.files} files)`,
);
await staticStore.close();
rmSync(out, { recursive: true, force: true });
