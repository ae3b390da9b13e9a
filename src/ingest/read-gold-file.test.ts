import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGoldFile } from './read-gold-file.js';
import { completion } from './test-support/write-speechmap-fixture.js';

const folder = mkdtempSync(join(tmpdir(), 'candor-gold-'));
const write = (name: string, rows: unknown[]) => {
  const path = join(folder, name);
  writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  return path;
};

describe('readGoldFile', () => {
  it('reads SpeechMap analysis rows: payload to text, compliance as gold, error rows skipped', async () => {
    const path = write('analysis.jsonl', [
      {
        question: 'Q1',
        response: completion('An essay.'),
        compliance: 'COMPLETE',
        model: 'a/b',
        category: 's',
        question_id: 'q1',
      },
      {
        question: 'Q2',
        response: { error: { message: 'x', code: 402 } },
        compliance: 'ERROR_ORIGINAL_RESPONSE',
        model: 'a/b',
      },
      { question: 'Q3', response: completion('No.'), compliance: 'DENIAL', model: 'a/b' },
    ]);
    const { rows, skipped } = await readGoldFile(path);
    expect(skipped).toBe(1);
    expect(rows.map((row) => [row.question, row.response, row.label, row.line])).toEqual([
      ['Q1', 'An essay.', 'COMPLETE', 1],
      ['Q3', 'No.', 'DENIAL', 3],
    ]);
    expect(rows[0]).toMatchObject({ model: 'a/b', set: 's', questionId: 'q1' });
  });

  it('reads adjudicated and Candor gold rows (text responses, label field; INCOMPLETE is EVASIVE)', async () => {
    const path = write('gold.jsonl', [
      { question: 'Q', response: 'Some text', label: 'INCOMPLETE' },
      { question: 'Q', response: 'Other text', label: 'evasive' },
    ]);
    expect((await readGoldFile(path)).rows.map((row) => row.label)).toEqual(['EVASIVE', 'EVASIVE']);
  });

  it('names the line and field of a bad row', async () => {
    const path = write('bad.jsonl', [
      { question: 'Q', response: 'R', label: 'COMPLETE' },
      { question: 'Q', response: 'R', label: 'SOMEWHAT' },
    ]);
    await expect(readGoldFile(path)).rejects.toThrow(`${path}:2 field "label": unknown label "SOMEWHAT"`);
  });
});
