import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { writeSpeechMapFixture } from '../src/ingest/test-support/write-speechmap-fixture.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';

function speechMapFolder(responseLine: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'candor-hostile-msg-'));
  for (const sub of ['questions', 'responses']) mkdirSync(join(folder, sub));
  writeFileSync(join(folder, 'questions', 'd.jsonl'), '{"id":"d_1","category":"d","question":"Q"}\n');
  writeFileSync(join(folder, 'responses', 'd_a_b.jsonl'), responseLine + '\n');
  return folder;
}

describe('hostile data files get one clear line', () => {
  it('JSON nested 100,000 deep: one line naming file and line (was: exit 70 with a stack)', async () => {
    const folder = speechMapFolder(
      `{"question_id":"d_1","question":"Q","model":"a/b","category":"d","timestamp":"2025-01-01T00:00:00","response":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    );
    const io = captureIo();
    const code = await runCli(['import', 'speechmap', folder, '--db', join(folder, 'c.db'), '--quiet'], io);
    expect(code).toBe(1);
    expect(io.err()).toBe(
      `candor: ${join(folder, 'responses', 'd_a_b.jsonl')}:1: JSON nested more than 256 levels deep; Candor reads rows nested up to that depth\n`,
    );
  });

  it('ANSI escapes quoted from a bad row are shown, not sent to the terminal', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'candor-ansi-'));
    // A name from a data folder, quoted as it is in "does not exist".
    const path = join(folder, 'q\u001b[2J\u001b]0;pwned\u0007.jsonl');
    const io = captureIo();
    const code = await runCli(['sets', 'import', path, '--db', join(folder, 'c.db')], io);
    expect(code).not.toBe(0);
    expect(io.err()).not.toMatch(/[\u001b\u0007]/);
    expect(io.err()).toContain('\\x1b[2J');
  });

  it('a corrupted store: reads and imports say so in one line, and an import does not report success', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'candor-corrupt-'));
    const db = join(folder, 'c.db');
    const first = captureIo();
    expect(
      await runCli(['import', 'speechmap', writeSpeechMapFixture(), '--db', db, '--quiet'], first),
      first.err(),
    ).toBe(0);
    const file = openSync(db, 'r+');
    writeSync(file, Buffer.alloc(4096 * 3, 0xab), 0, 4096 * 3, 4096 * 2);
    closeSync(file);
    for (const args of [
      ['sets', 'list', '--db', db],
      ['import', 'speechmap', writeSpeechMapFixture(), '--db', db, '--quiet'],
    ]) {
      const io = captureIo();
      expect(await runCli(args, io), args.join(' ')).toBe(1);
      expect(io.err()).toMatch(
        new RegExp(
          `^candor: ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the store file is corrupted \\(.*\\); restore a backup or start a new --db\n$`,
        ),
      );
    }
  });
});
