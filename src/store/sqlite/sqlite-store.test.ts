import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from '../test-support/run-store-contract.js';
import { openSqliteStore } from './open-sqlite-store.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-sqlite-contract-'));
let counter = 0;

runStoreContract({
  name: 'sqlite',
  createStore: () => openSqliteStore(join(folder, `store-${++counter}.db`)),
});
