import { afterAll, describe, it } from 'vitest';
import { openStore } from '../store/index.js';
import { startTestPostgres } from '../store/test-support/start-test-postgres.js';
import { maxInRollingWindow, startMockServer } from '../mock-server/index.js';
import { runJudgeWorkerScenarios } from './test-support/judge-worker-scenarios.js';

const server = await startTestPostgres();

if ('skipReason' in server) {
  console.warn(`postgres judge worker tests skipped: ${server.skipReason}`);
  describe.skip(`judge workers: postgres (${server.skipReason})`, () => {
    it('needs a Postgres server', () => {});
  });
} else {
  afterAll(() => server.stop());
  runJudgeWorkerScenarios({
    name: 'postgres',
    startJudgeServer: (rateLimit) =>
      startMockServer({
        latencyMs: 5,
        rateLimit,
        answers: [{ match: 'REQUEST', content: 'ANALYSIS: ok\nLABEL: COMPLETE' }],
      }),
    maxInRollingWindow,
    async createStore() {
      const url = await server.createDatabase();
      return { store: await openStore(url), connect: () => openStore(url) };
    },
  });
}
