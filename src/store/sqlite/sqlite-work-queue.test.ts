import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWorkQueueContract } from '../test-support/run-work-queue-contract.js';
import { openSqliteStore } from './open-sqlite-store.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-sqlite-queue-'));
let counter = 0;

runWorkQueueContract({
  name: 'sqlite',
  createStore: () => openSqliteStore(join(folder, `queue-${++counter}.db`)),
});
