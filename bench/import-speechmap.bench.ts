/**
 * Times `importSpeechMap` on the whole of ../shared/speechmap-data into a fresh SQLite file,
 * then a second (idempotent) import. Goal (issue 2): under 30 s on a 2-core machine.
 * Run: npm run bench:import
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importSpeechMap } from '../src/ingest/import-speechmap.js';
import { openStore } from '../src/store/index.js';

const dataFolder = resolve(import.meta.dirname, '..', '..', 'shared', 'speechmap-data');
if (!existsSync(dataFolder)) {
  console.log(`skipped: ${dataFolder} not found`);
  process.exit(0);
}
const folder = mkdtempSync(join(tmpdir(), 'candor-bench-import-'));
const dbPath = join(folder, 'bench.db');
try {
  const store = await openStore(dbPath);
  let started = performance.now();
  const first = await importSpeechMap(store, dataFolder);
  const firstSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const second = await importSpeechMap(store, dataFolder);
  const secondSeconds = (performance.now() - started) / 1000;
  const counts = await store.counts();
  await store.close();
  console.log(
    `first import:  ${firstSeconds.toFixed(2)} s  (${first.responses.inserted} responses, ${first.judgments.inserted} judgments, ${first.files} files)`,
  );
  console.log(
    `second import: ${secondSeconds.toFixed(2)} s  (${second.responses.inserted} new responses, ${second.judgments.inserted} new judgments)`,
  );
  console.log(`store: ${JSON.stringify(counts)}`);
  console.log(`statuses: ${JSON.stringify(first.statuses)}`);
  console.log(`peak RSS: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  console.log(`goal < 30 s: ${firstSeconds < 30 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
