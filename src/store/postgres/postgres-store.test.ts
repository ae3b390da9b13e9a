import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { runStoreContract } from '../test-support/run-store-contract.js';
import { runWorkQueueContract } from '../test-support/run-work-queue-contract.js';
import { startTestPostgres } from '../test-support/start-test-postgres.js';

const server = await startTestPostgres();

if ('skipReason' in server) {
  console.warn(`postgres store tests skipped: ${server.skipReason}`);
  describe.skip(`store contract: postgres (${server.skipReason})`, () => {
    it('needs a Postgres server', () => {});
  });
} else {
  afterAll(() => server.stop());
  const createStore = async () => openStore(await server.createDatabase());
  runStoreContract({ name: 'postgres', createStore });
  runWorkQueueContract({ name: 'postgres', createStore });

  describe('postgres store location', () => {
    it('never shows the password', async () => {
      const url = await server.createDatabase();
      const store = await openStore(url);
      try {
        expect(store.dialect).toBe('postgres');
        expect(store.location).not.toContain('test-secret-pw');
        expect(store.location).toContain('***');
      } finally {
        await store.close();
      }
      const wrong = url.replace('test-secret-pw', 'wrong-secret-pw');
      const failure = await openStore(wrong).then(
        () => null,
        (error: Error) => error,
      );
      expect(failure?.message).toMatch(/cannot connect/);
      expect(failure?.message).not.toContain('wrong-secret-pw');
    });
  });
}
