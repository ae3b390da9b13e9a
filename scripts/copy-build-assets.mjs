#!/usr/bin/env node
// tsc compiles TypeScript only; copy the data files that compiled modules read beside them in dist/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = ['judge/embedded/embedded-judge-weights.json.gz'];
for (const asset of assets) {
  const target = join(root, 'dist', asset);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(root, 'src', asset), target);
}
