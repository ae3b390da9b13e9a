#!/usr/bin/env node
// Runs the whole Vitest suite and ends with one line CI can read: "N passed, N failed, N skipped",
// counted from Vitest's JSON report (not from its console summary). Exit code is Vitest's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reportPath = join(root, '.artifacts', 'vitest-report.json');
mkdirSync(dirname(reportPath), { recursive: true });
rmSync(reportPath, { force: true });

const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

let exitCode = result.status ?? 1;
if (!existsSync(reportPath)) {
  console.log('0 passed, 1 failed (vitest wrote no JSON report)');
  process.exit(exitCode || 1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'passed') passed += 1;
    else if (test.status === 'failed') failed += 1;
    else skipped += 1;
  }
  // A file that failed to load has no assertions but must count as a failure.
  if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') failed += 1;
}
if (failed > 0 && exitCode === 0) exitCode = 1;
if (passed + failed === 0 && exitCode === 0) {
  console.log('0 passed, 1 failed (no test ran)');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exitCode);
