import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.js';
import { openStore } from '../store/index.js';
import { importSpeechMap } from './import-speechmap.js';
import { writeSpeechMapFixture } from './test-support/write-speechmap-fixture.js';

/** Imports the good fixture, breaks a copy of it, and checks the broken import changes nothing. */
async function expectRejectedWithoutChanges(breakFolder: (root: string) => void, message: RegExp): Promise<void> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'candor-import-errors-')), 'store.db'));
  try {
    await importSpeechMap(store, writeSpeechMapFixture());
    const before = await store.counts();
    const broken = writeSpeechMapFixture();
    breakFolder(broken);
    const error = await importSpeechMap(store, broken).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.split('\n')).toHaveLength(1);
    expect(await store.counts()).toEqual(before);
  } finally {
    await store.close();
  }
}

const plainResponseFile = (root: string) => {
  const name = readdirSync(join(root, 'responses')).find((file) => file.endsWith('.jsonl'))!;
  return join(root, 'responses', name);
};

describe('importSpeechMap refuses bad input and writes nothing', () => {
  it('a malformed JSONL line names the file and line', async () => {
    await expectRejectedWithoutChanges(
      (root) => appendFileSync(plainResponseFile(root), '{"question_id": "china_criticism_03", oops\n'),
      /responses\/china_criticism_deepseek_deepseek-r1\.jsonl:4: malformed JSON/,
    );
  });

  it('a wrong field type names the field', async () => {
    await expectRejectedWithoutChanges(
      (root) =>
        appendFileSync(
          plainResponseFile(root),
          JSON.stringify({ question_id: 7, question: 'q', model: 'a/b', category: 'china_criticism', response: {} }) +
            '\n',
        ),
      /\.jsonl:4 field "question_id": /,
    );
  });

  it('a duplicate question id names both lines', async () => {
    await expectRejectedWithoutChanges(
      (root) =>
        appendFileSync(
          join(root, 'questions', 'china_criticism.jsonl'),
          JSON.stringify({ id: 'china_criticism_01', category: 'china_criticism', question: 'again' }) + '\n',
        ),
      /china_criticism\.jsonl:4.*duplicate.*line 1/i,
    );
  });

  it('an unknown label names the compliance field', async () => {
    await expectRejectedWithoutChanges((root) => {
      const file = join(root, 'analysis', 'extra.jsonl');
      writeFileSync(
        file,
        JSON.stringify({
          question_id: 'china_criticism_01',
          question: 'q',
          model: 'deepseek/deepseek-r1',
          category: 'china_criticism',
          response: {},
          judge_model: 'j',
          compliance: 'MAYBE',
          timestamp: '2026-01-01T00:00:00Z',
        }) + '\n',
      );
    }, /extra\.jsonl:1 field "compliance": unknown label "MAYBE"/);
  });

  it('a missing folder is named', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'candor-import-errors-')), 'store.db'));
    try {
      await expect(importSpeechMap(store, '/nonexistent/speechmap')).rejects.toThrow(
        '/nonexistent/speechmap: folder does not exist',
      );
      const empty = mkdtempSync(join(tmpdir(), 'candor-empty-'));
      await expect(importSpeechMap(store, empty)).rejects.toThrow(/not a SpeechMap data folder/);
      expect((await store.counts()).responses).toBe(0);
    } finally {
      await store.close();
    }
  });
});
