import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { captureIo } from '../src/cli/test-support/capture-io.js';

const dataFolder = resolve(import.meta.dirname, '..', '..', 'shared', 'speechmap-data');
const present = existsSync(dataFolder);
if (!present)
  console.warn(`skipping SpeechMap acceptance tests: ${dataFolder} not found (it ships beside the repository in CI)`);

/** Labels straight from the analysis files, read independently of Candor's importer. */
function sourceLabels(folder: string): Map<string, { model: string; set: string; label: string }> {
  const labels = new Map<string, { model: string; set: string; label: string }>();
  for (const name of readdirSync(join(dataFolder, folder))) {
    const text = gunzipSync(readFileSync(join(dataFolder, folder, name))).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { model: string; category: string; question_id: string; compliance: string };
      const label = row.compliance.startsWith('ERROR') ? 'ERROR' : row.compliance;
      labels.set(`${row.model}|${row.category}|${row.question_id}`, { model: row.model, set: row.category, label });
    }
  }
  return labels;
}

describe.skipIf(!present)('SpeechMap public data: import then report', () => {
  it(
    'reports, for every model × set, exactly the label counts of the analysis files',
    { timeout: 300_000 },
    async () => {
      const db = join(mkdtempSync(join(tmpdir(), 'candor-acceptance-')), 'candor.db');
      const importIo = captureIo();
      expect(await runCli(['import', 'speechmap', dataFolder, '--db', db, '--quiet'], importIo), importIo.err()).toBe(
        0,
      );

      const reportIo = captureIo();
      // SpeechMap's convention (every judged row in the denominator) is the speechmap lens.
      expect(
        await runCli(['report', '--by', 'model,set', '--lens', 'speechmap', '--format', 'json', '--db', db], reportIo),
        reportIo.err(),
      ).toBe(0);
      const report = JSON.parse(reportIo.out()) as Record<string, string | number>[];

      // The newest judge (analysis/) decides where both judged a response; GPT-4o's older labels count elsewhere.
      const newest = sourceLabels('analysis');
      const older = sourceLabels('analysis-gpt4o-judge');
      const expected = new Map<string, Record<string, number>>();
      const chosen = new Map([...older, ...newest]);
      for (const { model, set, label } of chosen.values()) {
        const counts = expected.get(`${model}|${set}`) ?? { total: 0, COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
        counts[label]! += 1;
        counts['total']! += 1;
        expected.set(`${model}|${set}`, counts);
      }
      const actual = new Map(
        report.map((row) => [
          `${row['model']}|${row['set']}`,
          {
            total: row['total'],
            COMPLETE: row['COMPLETE'],
            EVASIVE: row['EVASIVE'],
            DENIAL: row['DENIAL'],
            ERROR: row['ERROR'],
          },
        ]),
      );
      expect(actual.size).toBeGreaterThan(190);
      expect(actual).toEqual(expected);
      for (const row of report) {
        expect(row['complete_rate']).toBeCloseTo(Number(row['COMPLETE']) / Number(row['total']), 12);
        expect(Number(row['ci_low'])).toBeLessThanOrEqual(Number(row['complete_rate']));
        expect(Number(row['ci_high'])).toBeGreaterThanOrEqual(Number(row['complete_rate']));
      }

      const again = captureIo();
      expect(await runCli(['import', 'speechmap', dataFolder, '--db', db, '--quiet'], again)).toBe(0);
      expect(again.out()).toMatch(/responses 0 new/);
      expect(again.out()).toMatch(/judgments 0 new/);
    },
  );
});
