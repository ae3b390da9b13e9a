#!/usr/bin/env node
// Entry point of the `candor` command: the compiled CLI in dist/ (built by `npm ci` or `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/process-entry.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('candor: dist/ is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
await import(entry.href);
