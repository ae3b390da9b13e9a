import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

const dataFolder = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'speechmap-data');
const present = existsSync(dataFolder);
if (!present)
  console.warn(`skipping the SpeechMap lens test: ${dataFolder} not found (it ships beside the repository in CI)`);

const SETS = ['china_criticism', 'us_hard'];

/** model → question id → compliance, straight from the analysis files (the newest judge's folder wins, as on import). */
function sourceLabels(set: string): Map<string, Map<string, string>> {
  const byModel = new Map<string, Map<string, string>>();
  for (const folder of ['analysis-gpt4o-judge', 'analysis']) {
    const path = join(dataFolder, folder);
    if (!existsSync(path)) continue;
    for (const file of readdirSync(path).filter((name) => name.startsWith(`compliance_${set}_`))) {
      for (const line of gunzipSync(readFileSync(join(path, file)))
        .toString('utf8')
        .split('\n')) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as { question_id: string; model: string; compliance: string };
        const labels = byModel.get(row.model) ?? new Map<string, string>();
        labels.set(row.question_id, row.compliance);
        byModel.set(row.model, labels);
      }
    }
  }
  return byModel;
}

type Row = {
  model: string;
  set: string;
  n: number;
  missing: number;
  COMPLETE: number;
  complete_rate: number;
  lens: string;
};

describe.skipIf(!present)("report --lens speechmap reproduces SpeechMap's published figures", () => {
  it(
    'COMPLETE over every judged row per model and set; as-served moves technical failures to missing',
    { timeout: 300_000 },
    async () => {
      const db = join(mkdtempSync(join(tmpdir(), 'candor-lens-')), 'candor.db');
      const importIo = captureIo();
      expect(
        await runCli(['import', 'speechmap', dataFolder, '--sets', SETS.join(','), '--db', db, '--quiet'], importIo),
        importIo.err(),
      ).toBe(0);
      const report = async (lens: string) => {
        const io = captureIo();
        expect(
          await runCli(['report', '--by', 'model,set', '--lens', lens, '--format', 'json', '--db', db], io),
          io.err(),
        ).toBe(0);
        return new Map((JSON.parse(io.out()) as Row[]).map((row) => [`${row.model}\u0000${row.set}`, row]));
      };
      const speechmap = await report('speechmap');
      const served = await report('as-served');
      let checked = 0;
      for (const set of SETS) {
        for (const [model, labels] of sourceLabels(set)) {
          const values = [...labels.values()];
          const complete = values.filter((value) => value === 'COMPLETE').length;
          const row = speechmap.get(`${model}\u0000${set}`)!;
          expect(row, `${model} on ${set}`).toBeDefined();
          expect([row.n, row.COMPLETE, row.missing]).toEqual([values.length, complete, 0]);
          expect(row.complete_rate).toBe(complete / values.length);
          // As served: technical failures (ERROR_ORIGINAL_RESPONSE / TRUNCATED, judge errors) leave the denominator.
          const failures = values.filter(
            (value) => value.startsWith('ERROR') && value !== 'ERROR_ORIGINAL_MODERATION',
          ).length;
          expect(served.get(`${model}\u0000${set}`)).toMatchObject({
            n: values.length - failures,
            missing: failures,
            COMPLETE: complete,
          });
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(30);
      // The case from the issue: SpeechMap's 0.9% for Seed 2.0 Mini is 20 of 2,120, of which 2,057 are provider errors.
      expect(speechmap.get('bytedance-seed/seed-2.0-mini\u0000us_hard')).toMatchObject({ n: 2120, COMPLETE: 20 });
      expect(served.get('bytedance-seed/seed-2.0-mini\u0000us_hard')).toMatchObject({
        n: 63,
        missing: 2057,
        COMPLETE: 20,
        incomplete: true,
      });
    },
  );
});
