import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJudgeQueueContract } from '../test-support/run-judge-queue-contract.js';
import { openSqliteStore } from './open-sqlite-store.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-sqlite-judge-queue-'));
let counter = 0;

runJudgeQueueContract({
  name: 'sqlite',
  createStore: () => openSqliteStore(join(folder, `judge-queue-${++counter}.db`)),
});
