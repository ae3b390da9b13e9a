import { afterAll, describe, it } from 'vitest';
import { openStore } from '../open-store.js';
import { runJudgeQueueContract } from '../test-support/run-judge-queue-contract.js';
import { startTestPostgres } from '../test-support/start-test-postgres.js';

const server = await startTestPostgres();

if ('skipReason' in server) {
  console.warn(`postgres judge queue tests skipped: ${server.skipReason}`);
  describe.skip(`judge queue contract: postgres (${server.skipReason})`, () => {
    it('needs a Postgres server', () => {});
  });
} else {
  afterAll(() => server.stop());
  runJudgeQueueContract({ name: 'postgres', createStore: async () => openStore(await server.createDatabase()) });
}
