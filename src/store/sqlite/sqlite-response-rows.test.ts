import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredResponse } from '../../core/index.js';
import { kyselyResponseRows, putResponsesBatch, type ResponseRows } from '../result-writes.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from '../test-support/store-fixtures.js';
import { openSqliteConnection, openSqliteStore } from './open-sqlite-store.js';
import { sqliteResponseRows } from './sqlite-response-rows.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A store file with one set of three questions and two runs, ready for outcomes. */
async function prepared(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'candor-response-rows-'));
  folders.push(folder);
  const path = join(folder, 'store.db');
  const store = await openSqliteStore(path);
  await store.putQuestionSet(makeSet('set_a'), [
    makeQuestion({ id: 'q1' }),
    makeQuestion({ id: 'q2' }),
    makeQuestion({ id: 'q3' }),
  ]);
  await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putRun(makeRun('run-1'));
  await store.putRun(makeRun('run-2'));
  await store.close();
  return path;
}

// Batches that exercise every rule: new rows, an identical payload (no-op), a newer version that
// becomes current, an older one that does not, a duplicate inside one batch, two runs in one batch,
// and model output with a lone surrogate and a NUL (stored losslessly).
const batches: StoredResponse[][] = [
  [
    makeResponse({ runId: 'run-1', questionId: 'q1' }),
    makeResponse({ runId: 'run-1', questionId: 'q2', finalText: 'lone \uD800 surrogate and \u0000 NUL' }),
    makeResponse({ runId: 'run-2', questionId: 'q1', sample: 1 }),
  ],
  [
    makeResponse({ runId: 'run-1', questionId: 'q1' }),
    makeResponse({
      runId: 'run-1',
      questionId: 'q2',
      rawPayload: '{"v":2}',
      receivedAt: '2026-01-01T00:00:05.000Z',
    }),
    makeResponse({ runId: 'run-1', questionId: 'q3', rawPayload: '{"v":"a"}' }),
    makeResponse({ runId: 'run-1', questionId: 'q3', rawPayload: '{"v":"a"}' }),
  ],
  [
    makeResponse({
      runId: 'run-1',
      questionId: 'q2',
      rawPayload: '{"v":"older"}',
      receivedAt: '2025-12-31T00:00:00.000Z',
    }),
  ],
];

async function writeAll(path: string, rowsOf: (connection: ReturnType<typeof openSqliteConnection>) => ResponseRows) {
  const connection = openSqliteConnection(path);
  const results: Awaited<ReturnType<typeof putResponsesBatch>>[] = [];
  for (const batch of batches) {
    await connection.db.transaction().execute(async (transaction) => {
      const rows = rowsOf({ ...connection, db: transaction });
      results.push(await putResponsesBatch(rows, batch, '2026-02-02T00:00:00.000Z'));
    });
  }
  const stored = await connection.db.selectFrom('responses').selectAll().orderBy('response_id').execute();
  await connection.db.destroy();
  return { results, stored };
}

describe('sqliteResponseRows', () => {
  it('stores exactly what the Kysely path stores, version rules and lossless text included', async () => {
    const viaKysely = await writeAll(await prepared(), (connection) => kyselyResponseRows(connection.db));
    const viaStatements = await writeAll(await prepared(), (connection) => sqliteResponseRows(connection.prepare));
    expect(viaStatements).toEqual(viaKysely);
    // The rules did something in these batches: a no-op, a newer current, an older kept as history.
    expect(viaKysely.results[1]!.map((result) => result.inserted)).toEqual([false, true, true, false]);
    expect(viaKysely.results[2]).toEqual([expect.objectContaining({ inserted: true, current: false })]);
    expect(viaKysely.stored.find((row) => row.question_id === 'q2' && row.is_current === 0)?.final_text).toBe(
      'lone \uD800 surrogate and \u0000 NUL',
    );
  });
});
