#!/usr/bin/env node
// Entry point of the `candor` command: runs the compiled CLI in dist/ (built by `npm ci` / `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('candor: dist/ is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(1);
}
const { runCli } = await import(entry.href);
const controller = new AbortController();
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  process.stderr.write('\ncandor: interrupted; finishing what is in flight (Ctrl-C again to quit at once)\n');
  controller.abort();
});
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
