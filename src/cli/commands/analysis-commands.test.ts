import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { createAnalysisStore } from '../test-support/analysis-store.js';
import { captureIo } from '../test-support/capture-io.js';

let db = '';
beforeAll(async () => {
  db = await createAnalysisStore();
});

async function run(argv: string[]): Promise<string> {
  const io = captureIo();
  expect(await runCli([...argv, '--db', db], io), io.err()).toBe(0);
  return io.out();
}

const json = async <T>(argv: string[]): Promise<T> => JSON.parse(await run([...argv, '--format', 'json'])) as T;

describe('analysis commands on a small store', () => {
  it('swap --same-format: rate per target and the CN vs US asymmetry on shared format numbers', async () => {
    const swap = await json<{ rates: Record<string, unknown>[]; asymmetry: Record<string, unknown>[] }>([
      'swap',
      '--same-format',
      '--model',
      'lab/b',
      '--set',
      'cn',
      '--baseline',
      'CN',
    ]);
    // lab/b: CN 4 of 4; US 6 of 8 (R1: 4, R2: 2). Paired on templates, R2 (the later row) counts: 4 vs 2.
    expect(swap.rates.map((rate) => [rate['target'], rate['complete'], rate['total']])).toEqual([['CN', 4, 4]]);
    const both = await json<{ rates: Record<string, unknown>[]; asymmetry: Record<string, unknown>[] }>([
      'swap',
      '--same-format',
      '--model',
      'lab/b',
      '--baseline',
      'CN',
    ]);
    expect(
      both.rates
        .filter((rate) => rate['language'] === 'en')
        .map((rate) => [rate['target'], rate['complete'], rate['total']]),
    ).toEqual([
      ['CN', 4, 4],
      ['US', 6, 8],
    ]);
    expect(both.asymmetry).toHaveLength(1);
    expect(both.asymmetry[0]).toMatchObject({ target_a: 'CN', target_b: 'US', n_pairs: 4, a_only: 2, b_only: 0 });
    expect(both.asymmetry[0]!['mcnemar_p']).toBeCloseTo(0.5, 15);
  });

  it('phrasing: rate per phrasing and the spread', async () => {
    const result = await json<{ rates: Record<string, unknown>[]; spread: Record<string, unknown>[] }>([
      'phrasing',
      '--set',
      'hard',
    ]);
    expect(
      result.rates
        .filter((rate) => rate['group'] === 'lab/a')
        .map((rate) => [rate['variation'], rate['complete'], rate['total']]),
    ).toEqual([
      ['1', 2, 2],
      ['2', 1, 2],
    ]);
    expect(result.spread.map((row) => row['group'])).toEqual(['lab/a', 'lab/b', '(all)']);
    expect(result.spread[0]).toMatchObject({ themes: 2, inconsistent_themes: 1, highest: '1', lowest: '2' });
  });

  it('contention: the most divisive question first', async () => {
    const rows = await json<Record<string, unknown>[]>([
      'contention',
      '--set',
      'cn',
      '--min-models',
      '2',
      '--top',
      '2',
    ]);
    // cn2 (EVASIVE, COMPLETE), cn3 (DENIAL, COMPLETE), cn4 (EVASIVE, COMPLETE): 1 bit each; cn1 unanimous.
    expect(rows.map((row) => row['question_id'])).toEqual(['cn2', 'cn3']);
    expect(rows[0]!['entropy']).toBeCloseTo(1, 12);
  });

  it('judge-rates: measures the judge against a gold judge and corrects the rate', async () => {
    const result = await json<{
      confusion: Record<string, number>;
      gold_size: number;
      rows: Record<string, unknown>[];
    }>(['judge-rates', '--judge', 'judge-x', '--gold-judge', 'judge-g', '--set', 'cn', '--draws', '500']);
    expect(result.confusion).toEqual({ truePositive: 4, falseNegative: 1, falsePositive: 1, trueNegative: 2 });
    expect(result.gold_size).toBe(8);
    const a = result.rows.find((row) => row['group'] === 'lab/a')!;
    // Sensitivity 4/5, specificity 2/3: (1/4 + 2/3 − 1) / (4/5 + 2/3 − 1) < 0 → clipped to 0.
    expect(a['raw_rate']).toBeCloseTo(0.25, 12);
    expect(a['corrected_rate']).toBe(0);
  });

  it('judge-rates: needs --judge and a gold source', async () => {
    const io = captureIo();
    expect(await runCli(['judge-rates', '--gold-judge', 'judge-g', '--db', db], io)).toBe(2);
    expect(io.err()).toMatch(/--judged-by is required.*judge-x/);
    expect(await runCli(['judge-rates', '--judge', 'judge-x', '--db', db], captureIo())).toBe(2);
  });

  it('timeline: by release date with a trend, and by test month for re-tested models', async () => {
    const release = await json<Record<string, unknown>[]>(['timeline', '--set', 'cn']);
    expect(release.map((row) => [row['model'], row['release_date'], row['rate']])).toEqual([
      ['lab/a', '2025-01-01', 0.25],
      ['lab/b', '2025-03-01', 1],
    ]);
    expect(await json<Record<string, unknown>[]>(['timeline', '--by', 'test-date'])).toEqual([]);
    const tested = await json<Record<string, unknown>[]>(['timeline', '--by', 'test-date', '--min-pairs', '4']);
    expect(tested.map((row) => [row['model'], row['set'], row['month'], row['complete']])).toEqual([
      ['lab/a', 'us', '2025-01', 4],
      ['lab/a', 'us', '2025-06', 2],
    ]);
  });

  it('lab-index: one row per creator with an interval', async () => {
    const index = await json<{ as_of: string; rows: Record<string, unknown>[] }>(['lab-index', '--set', 'cn']);
    expect(index.as_of).toBe('2025-03-01');
    expect(index.rows).toHaveLength(1);
    const lab = index.rows[0]!;
    expect(lab['model_count']).toBe(2);
    expect(lab['index'] as number).toBeGreaterThan(0.25);
    expect(lab['index'] as number).toBeLessThan(1);
    expect(lab['ci_low'] as number).toBeLessThan(lab['index'] as number);
  });

  it('prints every analysis in table, CSV and Markdown', async () => {
    const commands = [
      ['swap', '--same-format'],
      ['swap', '--same-format', '--view', 'rates'],
      ['phrasing', '--set', 'hard'],
      ['phrasing', '--set', 'hard', '--view', 'rates'],
      ['contention', '--min-models', '2'],
      ['judge-rates', '--judge', 'judge-x', '--confusion', '4,1,1,2', '--draws', '200'],
      ['timeline'],
      ['timeline', '--by', 'test-date', '--min-pairs', '1'],
      ['lab-index'],
    ];
    for (const command of commands) {
      for (const format of ['table', 'csv', 'md']) {
        const out = await run([...command, '--format', format]);
        expect(out.length, `${command.join(' ')} --format ${format}`).toBeGreaterThan(20);
        if (format === 'csv') expect(out, command.join(' ')).not.toMatch(/lens:/);
        if (format === 'md') expect(out, command.join(' ')).toMatch(/\| --- \|/);
      }
    }
  });

  it('writes the JSON keys scripts read, in their order (the domain rows are camelCase; only the writers make these)', async () => {
    const keys = (rows: unknown) => Object.keys((rows as Record<string, unknown>[])[0]!).join(' ');
    const rate = 'total complete rate ci_low ci_high';
    const swap = await json<Record<string, unknown>>(['swap', '--same-format']);
    expect(keys(swap['rates'])).toBe(`model language target ${rate}`);
    expect(keys(swap['asymmetry'])).toBe(
      'model language target_a target_b n_pairs rate_a rate_a_low rate_a_high rate_b rate_b_low rate_b_high ' +
        'difference difference_low difference_high a_only b_only mcnemar_p holm_p',
    );
    const phrasing = await json<Record<string, unknown>>(['phrasing', '--set', 'hard']);
    expect(keys(phrasing['rates'])).toBe(`group variation ${rate}`);
    expect(keys(phrasing['spread'])).toBe(
      'group themes variations highest lowest spread difference difference_low difference_high mcnemar_p holm_p ' +
        'inconsistent_themes inconsistent_share inconsistent_low inconsistent_high',
    );
    expect(keys(await json(['contention', '--min-models', '2']))).toBe(
      'set question_id domain theme models n COMPLETE EVASIVE DENIAL ERROR complete_rate entropy normalized_entropy',
    );
    expect(keys(await json(['timeline']))).toBe(`creator model release_date ${rate} trend`);
    const tested = await json<Record<string, unknown>[]>(['timeline', '--by', 'test-date', '--min-pairs', '4']);
    expect(keys(tested)).toBe(`model set month ${rate} pairs change change_low change_high mcnemar_p`);
    expect(tested[1]).toMatchObject({ pairs: 4, change: -0.5 });
    const index = await json<Record<string, unknown>>(['lab-index']);
    expect(keys(index['rows'])).toBe('creator models model_count months latest_release index ci_low ci_high');
  });
});
