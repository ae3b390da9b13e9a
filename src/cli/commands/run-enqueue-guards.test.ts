import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../../mock-server/index.js';
import { openStore } from '../../store/index.js';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('candor run --enqueue guards, enforced by candor worker', () => {
  it(
    'a truncated answer halts the run (worker exit 3); --resume --enqueue --allow-truncation lifts the halt and workers finish it',
    { timeout: 60_000 },
    async () => {
      server = await startMockServer({ latencyMs: 5, faults: [{ fault: 'length', match: '[g03]' }] });
      const folder = mkdtempSync(join(tmpdir(), 'candor-enqueue-guards-'));
      const set = join(folder, 'guards.jsonl');
      writeFileSync(
        set,
        Array.from({ length: 30 }, (_, index) =>
          JSON.stringify({
            id: `g${String(index).padStart(2, '0')}`,
            category: 'guards',
            question: `Topic [g${String(index).padStart(2, '0')}]`,
          }),
        ).join('\n') + '\n',
      );
      const db = join(folder, 'candor.db');
      const base = ['--model', 'openai-compatible:mock/model', '--base-url', server.url, '--set', set, '--db', db];

      const enqueued = await cli(['run', ...base, '--run-id', 'guarded', '--enqueue', '--max-cost', '100']);
      expect(enqueued.code, enqueued.err).toBe(0);
      expect(enqueued.out).toMatch(/enqueued 30 work items/);
      expect(enqueued.out).toContain(
        'guards every worker enforces: the first truncated answer halts the run; an unrecognised payload halts it; budget $100',
      );

      const worker = await cli([
        'worker',
        '--db',
        db,
        '--until-empty',
        '--quiet',
        '--poll-ms',
        '20',
        '--only',
        'collect',
        '--concurrency',
        '2',
      ]);
      expect(worker.code, worker.err).toBe(3);
      expect(worker.err).toMatch(/halted run guarded \(truncation\) for every worker: the answer to g03/);
      expect(worker.out).toMatch(/halted run guarded \(truncation\)/);
      let store = await openStore(db);
      expect((await store.getRun('guarded'))?.state).toBe('interrupted');
      expect((await store.getRun('guarded'))?.settings).toMatchObject({
        guards: { allowTruncation: false, maxCostUsd: 100 },
      });
      const queued = (await store.countWork({ runId: 'guarded' })).queued;
      expect(queued).toBeGreaterThan(0);
      await store.close();

      // Another worker finds nothing it may take, and says so by exiting at once with nothing stored.
      const idle = await cli([
        'worker',
        '--db',
        db,
        '--until-empty',
        '--quiet',
        '--poll-ms',
        '20',
        '--only',
        'collect',
      ]);
      expect(idle.code, idle.err).toBe(0);
      expect(idle.out).toMatch(/stored 0 outcomes/);

      const resumed = await cli(['run', '--resume', 'guarded', '--db', db, '--enqueue', '--allow-truncation']);
      expect(resumed.code, resumed.err).toBe(0);
      expect(resumed.out).toMatch(/it was halted and runs again/);
      expect(resumed.out).toContain('truncated answers allowed');
      const finish = await cli([
        'worker',
        '--db',
        db,
        '--until-empty',
        '--quiet',
        '--poll-ms',
        '20',
        '--only',
        'collect',
      ]);
      expect(finish.code, finish.err).toBe(0);
      expect(finish.out).toMatch(new RegExp(`stored ${queued} outcomes`));
      store = await openStore(db);
      expect((await store.getRun('guarded'))?.state).toBe('finished');
      const responses = await store.listResponses({ runId: 'guarded', includeSuperseded: true });
      expect(responses).toHaveLength(30);
      expect(
        responses.filter((response) => response.status === 'truncation').map((response) => response.questionId),
      ).toEqual(['g03']);
      await store.close();
    },
  );
});
