import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { createAnalysisStore } from '../test-support/analysis-store.js';
import { captureIo } from '../test-support/capture-io.js';

let db = '';
beforeAll(async () => {
  db = await createAnalysisStore();
});

async function compareJson(...argv: string[]) {
  const io = captureIo();
  expect(await runCli(['compare', ...argv, '--format', 'json', '--db', db], io), io.err()).toBe(0);
  return JSON.parse(io.out()) as {
    pairing: string;
    lens: string;
    unpaired_a: number;
    unpaired_b: number;
    duplicates_a: number;
    groups: Record<string, unknown>[];
    overall: Record<string, unknown> & { flipped: Record<string, unknown>[] };
  };
}

describe('candor compare', () => {
  it('pairs two models on identical questions, with counts, the exact McNemar p and the flipped questions', async () => {
    const result = await compareJson('lab/a', 'lab/b', '--set', 'cn');
    expect(result.overall).toMatchObject({
      n_pairs: 4,
      complete_a: 1,
      complete_b: 4,
      a_only: 0,
      b_only: 3,
      both_complete: 1,
      neither: 0,
    });
    expect(result.overall['difference']).toBeCloseTo(-0.75, 12);
    // Three discordant pairs, all one way: 2·(½)³.
    expect(result.overall['mcnemar_p']).toBeCloseTo(0.25, 15);
    expect(result.overall.flipped).toEqual([
      { set: 'cn', question_id: 'cn2', sample: 0, label_a: 'EVASIVE', label_b: 'COMPLETE' },
      { set: 'cn', question_id: 'cn3', sample: 0, label_a: 'DENIAL', label_b: 'COMPLETE' },
      { set: 'cn', question_id: 'cn4', sample: 0, label_a: 'EVASIVE', label_b: 'COMPLETE' },
    ]);
  });

  it('compares two runs of one model (drift)', async () => {
    const result = await compareJson('run:a-us-jan', 'run:a-us-jun');
    expect(result.overall).toMatchObject({ n_pairs: 4, complete_a: 4, complete_b: 2, a_only: 2, b_only: 0 });
    expect(result.overall['mcnemar_p']).toBeCloseTo(0.5, 15);
  });

  it('compares one model through two routes, as served and model-only', async () => {
    const served = await compareJson('lab/b@R1', 'lab/b@R2');
    expect(served.overall).toMatchObject({ n_pairs: 4, complete_a: 4, complete_b: 2 });
    const modelOnly = await compareJson('lab/b@R1', 'lab/b@R2', '--exclude-blocked');
    expect(modelOnly.lens).toBe('model-only');
    expect(modelOnly.overall).toMatchObject({ n_pairs: 3, complete_a: 3, complete_b: 2 });
    expect(modelOnly.unpaired_a).toBe(1);
  });

  it('compares one model in two languages through the translation links', async () => {
    const result = await compareJson('lab/a', '--languages', 'en,zh', '--set', 'cn');
    expect(result.pairing).toBe('translation');
    expect(result.overall).toMatchObject({ n_pairs: 4, complete_a: 1, complete_b: 1, a_only: 1, b_only: 1 });
    expect(result.overall.flipped.map((flip) => [flip['question_id'], flip['label_a'], flip['label_b']])).toEqual([
      ['cn1', 'COMPLETE', 'DENIAL'],
      ['cn4', 'EVASIVE', 'COMPLETE'],
    ]);
  });

  it('keeps the latest row when a model was tested twice, and groups by set with Holm', async () => {
    const result = await compareJson('lab/a', 'lab/b', '--by', 'set');
    expect(result.groups.map((group) => group['group'])).toEqual(['cn', 'hard', 'us', 'zh_cn']);
    // lab/a on us: the June run counts (2 of 4); lab/b on us: R1 and R2 rows at the same time, the later id (R2) counts.
    expect(result.duplicates_a).toBe(4);
    const us = result.groups.find((group) => group['group'] === 'us')!;
    expect(us).toMatchObject({ complete_a: 2, complete_b: 2 });
    const holm = result.groups.map((group) => group['holm_p'] as number);
    const raw = result.groups.map((group) => group['mcnemar_p'] as number);
    holm.forEach((value, index) => expect(value).toBeGreaterThanOrEqual(raw[index]!));
  });

  it('prints the same comparison as a table, CSV and Markdown, and the flips on their own', async () => {
    for (const format of ['table', 'csv', 'md']) {
      const io = captureIo();
      expect(
        await runCli(['compare', 'lab/a', 'lab/b', '--set', 'cn', '--format', format, '--db', db], io),
        io.err(),
      ).toBe(0);
      expect(io.out()).toMatch(format === 'csv' ? /^group,n_pairs,/ : /Flipped \(COMPLETE on one side only\): 3/);
    }
    const io = captureIo();
    expect(
      await runCli(['compare', 'lab/a', 'lab/b', '--set', 'cn', '--flipped', '--format', 'csv', '--db', db], io),
    ).toBe(0);
    expect(io.out().trim().split('\r\n')).toHaveLength(4);
  });

  it('refuses a missing side and an unknown --by', async () => {
    const io = captureIo();
    expect(await runCli(['compare', 'lab/a', '--db', db], io)).toBe(2);
    expect(io.err()).toMatch(/two sides/);
    expect(await runCli(['compare', 'lab/a', 'lab/b', '--by', 'colour', '--db', db], captureIo())).toBe(2);
  });
});
