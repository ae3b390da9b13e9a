import { appendFileSync, copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeSpeechMapFixture } from '../ingest/test-support/write-speechmap-fixture.js';
import { runCli } from './main.js';
import { captureIo } from './test-support/capture-io.js';

function tableCounts(db: string): Record<string, number> {
  const database = new Database(db, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const table of ['question_sets', 'questions', 'models', 'runs', 'responses', 'judgments']) {
      counts[table] = (database.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    database.close();
  }
}

/** A store holding the good fixture, and a broken copy of the fixture folder. */
async function setUp(): Promise<{ db: string; broken: string }> {
  const db = join(mkdtempSync(join(tmpdir(), 'candor-cli-bad-')), 'candor.db');
  const io = captureIo();
  expect(await runCli(['import', 'speechmap', writeSpeechMapFixture(), '--db', db, '--quiet'], io), io.err()).toBe(0);
  return { db, broken: writeSpeechMapFixture() };
}

async function expectOneLineFailure(args: string[], db: string, pattern: RegExp): Promise<void> {
  const before = tableCounts(db);
  const io = captureIo();
  const code = await runCli([...args, '--db', db], io);
  expect(code).toBe(1);
  const lines = io.err().trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(tableCounts(db)).toEqual(before);
}

describe('candor import speechmap: bad input → one line naming where, exit 1, store unchanged', () => {
  it('malformed JSONL line', async () => {
    const { db, broken } = await setUp();
    const file = readdirSync(join(broken, 'responses')).find((name) => name.endsWith('.jsonl'))!;
    appendFileSync(join(broken, 'responses', file), 'not json at all\n');
    await expectOneLineFailure(
      ['import', 'speechmap', broken, '--quiet'],
      db,
      new RegExp(`^candor: .*${file}:\\d+: malformed JSON`),
    );
  });

  it('wrong field type', async () => {
    const { db, broken } = await setUp();
    appendFileSync(
      join(broken, 'questions', 'china_criticism.jsonl'),
      '{"id": 12, "category": "china_criticism", "question": "x"}\n',
    );
    await expectOneLineFailure(
      ['import', 'speechmap', broken, '--quiet'],
      db,
      /^candor: .*china_criticism\.jsonl:4 field "id"/,
    );
  });

  it('duplicate id', async () => {
    const { db, broken } = await setUp();
    appendFileSync(
      join(broken, 'questions', 'zh_china_criticism.jsonl'),
      '{"id": "china_criticism_02", "category": "zh_china_criticism", "question": "重复"}\n',
    );
    await expectOneLineFailure(
      ['import', 'speechmap', broken, '--quiet'],
      db,
      /^candor: .*zh_china_criticism\.jsonl:4.*duplicate/i,
    );
  });

  it('missing folder', async () => {
    const { db } = await setUp();
    await expectOneLineFailure(
      ['import', 'speechmap', '/no/such/folder', '--quiet'],
      db,
      /^candor: \/no\/such\/folder: folder does not exist$/,
    );
  });

  it('a question file with a bad row, through `sets import`', async () => {
    const { db, broken } = await setUp();
    const file = join(broken, 'questions', 'china_criticism.jsonl');
    appendFileSync(file, '{"id": "china_criticism_09", "category": "china_criticism"}\n');
    await expectOneLineFailure(['sets', 'import', file], db, /^candor: .*china_criticism\.jsonl:4 field "question"/);
  });
});

describe('candor usage errors', () => {
  it('an unknown --by dimension exits 2 and lists the choices', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'candor-cli-usage-')), 'candor.db');
    const io = captureIo();
    expect(await runCli(['report', '--by', 'colour', '--db', db], io)).toBe(2);
    expect(io.err()).toMatch(/unknown dimension "colour"; choose from model, creator/);
  });

  it('an older store names the migrate command, and works after it', async () => {
    const { db } = await setUp();
    const old = join(mkdtempSync(join(tmpdir(), 'candor-cli-old-')), 'old.db');
    copyFileSync(db, old);
    const database = new Database(old);
    database.exec(
      'DELETE FROM schema_migrations WHERE version > 1; DROP INDEX responses_run_status; DROP INDEX judgments_label;',
    );
    database.close();
    const io = captureIo();
    expect(await runCli(['report', '--db', old], io)).toBe(1);
    expect(io.err()).toContain(`run \`candor db migrate --db ${old}\``);
    const migrate = captureIo();
    expect(await runCli(['db', 'migrate', '--db', old], migrate), migrate.err()).toBe(0);
    expect(migrate.out()).toMatch(/migrated from version 1 to/);
    const report = captureIo();
    expect(await runCli(['report', '--db', old, '--format', 'json'], report), report.err()).toBe(0);
    expect(JSON.parse(report.out()).length).toBeGreaterThan(0);
  });
});
