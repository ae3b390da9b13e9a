import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { maxInRollingWindow, startMockServer } from '../mock-server/index.js';
import { runJudgeWorkerScenarios } from './test-support/judge-worker-scenarios.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-judge-worker-'));
let counter = 0;

runJudgeWorkerScenarios({
  name: 'sqlite',
  startJudgeServer: (rateLimit) =>
    startMockServer({
      latencyMs: 5,
      rateLimit,
      answers: [{ match: 'REQUEST', content: 'ANALYSIS: ok\nLABEL: COMPLETE' }],
    }),
  maxInRollingWindow,
  async createStore() {
    const store = await openStore(join(folder, `judge-${++counter}.db`));
    // Workers in one process share the connection: better-sqlite3 waits for a busy file synchronously,
    // so two connections of one process can block each other's transactions (separate processes cannot).
    return { store, connect: async () => ({ ...store, close: async () => {} }) };
  },
});
