import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CandorStore, JudgeEvaluation } from './index.js';
import { openStore } from './open-store.js';
import { startTestPostgres } from './test-support/start-test-postgres.js';

const evaluation = (judgeId: string, accuracy: number, evaluatedAt: string): JudgeEvaluation => ({
  judgeId,
  judgeVersion: '1.0.0+abc',
  goldHash: 'f'.repeat(64),
  goldName: 'gold.jsonl',
  n: 400,
  accuracy,
  kappa: 0.61,
  perClass: {
    COMPLETE: { precision: 0.9, recall: 0.95, f1: 0.924, support: 300 },
    EVASIVE: { precision: null, recall: 0, f1: null, support: 100 },
  },
  confusion: [
    [285, 15, 0],
    [100, 0, 0],
    [0, 0, 0],
  ],
  labels: ['COMPLETE', 'EVASIVE', 'DENIAL'],
  coverage: 0.75,
  abstainBelow: 0.8,
  evaluatedAt,
});

function contract(name: string, createStore: () => Promise<CandorStore>) {
  it(`${name}: round-trips judge eval results, newest first, filtered by judge`, async () => {
    const store = await createStore();
    try {
      await store.putJudgeEvaluation(evaluation('candor-embedded', 0.7125, '2026-03-01T00:00:00.000Z'));
      await store.putJudgeEvaluation(evaluation('x-ai/grok-4.1-fast', 0.9, '2026-03-02T00:00:00.000Z'));
      await store.putJudgeEvaluation({
        ...evaluation('candor-embedded', 0.8, '2026-03-03T00:00:00.000Z'),
        kappa: null,
        abstainBelow: null,
      });
      const all = await store.listJudgeEvaluations();
      expect(all.map((row) => [row.judgeId, row.accuracy])).toEqual([
        ['candor-embedded', 0.8],
        ['x-ai/grok-4.1-fast', 0.9],
        ['candor-embedded', 0.7125],
      ]);
      const embedded = await store.listJudgeEvaluations('candor-embedded');
      expect(embedded).toHaveLength(2);
      expect(embedded[1]).toEqual(evaluation('candor-embedded', 0.7125, '2026-03-01T00:00:00.000Z'));
      expect(embedded[0]).toMatchObject({ kappa: null, abstainBelow: null });
    } finally {
      await store.close();
    }
  });
}

describe('judge evaluations store', () => {
  contract('sqlite', async () => openStore(join(mkdtempSync(join(tmpdir(), 'candor-evals-')), 'candor.db')));
});

const server = await startTestPostgres();
if ('skipReason' in server) {
  console.warn(`postgres judge evaluation tests skipped: ${server.skipReason}`);
  describe.skip(`judge evaluations store: postgres (${server.skipReason})`, () => {
    it('needs a Postgres server', () => {});
  });
} else {
  afterAll(() => server.stop());
  describe('judge evaluations store', () => {
    contract('postgres', async () => openStore(await server.createDatabase()));
  });
}
