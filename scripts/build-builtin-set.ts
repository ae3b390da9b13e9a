// Generates data/builtin/*.jsonl from the hand-written sources in data/builtin/ (countries.json,
// templates.json, symmetry.json). Run after editing a source: `npx tsx scripts/build-builtin-set.ts`.
// `--check` writes nothing and exits 1 when a generated file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILTIN_DATA_DIRECTORY,
  buildBuiltinSets,
  readBuiltinSources,
  toCandorJsonl,
} from '../src/datasets/builtin/index.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const { info, rows } of buildBuiltinSets(readBuiltinSources())) {
  const path = join(BUILTIN_DATA_DIRECTORY, info.fileName);
  const text = toCandorJsonl(rows);
  const current = readIfExists(path);
  if (current === text) {
    console.log(`${info.fileName}: up to date, ${rows.length} questions`);
  } else if (check) {
    stale += 1;
    console.log(`${info.fileName}: out of date; run npx tsx scripts/build-builtin-set.ts`);
  } else {
    writeFileSync(path, text);
    console.log(`${info.fileName}: written, ${rows.length} questions`);
  }
}
if (stale > 0) process.exit(1);

function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
