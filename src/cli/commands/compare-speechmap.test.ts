import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

const dataFolder = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'speechmap-data');
const present = existsSync(dataFolder);
if (!present)
  console.warn(`skipping the SpeechMap compare test: ${dataFolder} not found (it ships beside the repository in CI)`);

const SET = 'zh_china_criticism';

/** question id → label for one model on the set, read straight from the analysis files (newest judge wins). */
function sourceLabels(model: string): Map<string, string> {
  const file = `compliance_${SET}_${model.replace('/', '_')}.jsonl.gz`;
  const labels = new Map<string, string>();
  for (const folder of ['analysis-gpt4o-judge', 'analysis']) {
    const path = join(dataFolder, folder, file);
    if (!existsSync(path)) continue;
    for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { question_id: string; compliance: string };
      labels.set(row.question_id, row.compliance);
    }
  }
  return labels;
}

/** Exact two-sided binomial p for b vs c discordant pairs under p = ½, in exact integer arithmetic. */
function exactMcNemar(b: number, c: number): number {
  const n = b + c;
  const smaller = Math.min(b, c);
  let coefficient = 1n;
  let tail = 0n;
  for (let k = 0; k <= smaller; k += 1) {
    tail += coefficient;
    coefficient = (coefficient * BigInt(n - k)) / BigInt(k + 1);
  }
  return Math.min(1, (2 * Number(tail)) / 2 ** n);
}

describe.skipIf(!present)('compare on SpeechMap data: DeepSeek R1 vs R1-1776 in Chinese', () => {
  it('reproduces the source counts and the exact McNemar p', { timeout: 300_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'candor-compare-')), 'candor.db');
    const importIo = captureIo();
    expect(
      await runCli(['import', 'speechmap', dataFolder, '--sets', SET, '--db', db, '--quiet'], importIo),
      importIo.err(),
    ).toBe(0);
    const io = captureIo();
    expect(
      await runCli(
        ['compare', 'deepseek/deepseek-r1', 'perplexity/r1-1776', '--set', SET, '--format', 'json', '--db', db],
        io,
      ),
      io.err(),
    ).toBe(0);
    const report = JSON.parse(io.out()) as {
      overall: Record<string, unknown> & {
        labels_a: Record<string, number>;
        labels_b: Record<string, number>;
        flipped: { question_id: string; label_a: string; label_b: string }[];
      };
    };

    const first = sourceLabels('deepseek/deepseek-r1');
    const second = sourceLabels('perplexity/r1-1776');
    const shared = [...first.keys()].filter((id) => second.has(id));
    const complete = (label: string | undefined) => label === 'COMPLETE';
    const firstOnly = shared.filter((id) => complete(first.get(id)) && !complete(second.get(id)));
    const secondOnly = shared.filter((id) => !complete(first.get(id)) && complete(second.get(id)));
    const fold = (labels: Map<string, string>) => {
      const counts: Record<string, number> = { COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
      for (const id of shared) counts[labels.get(id)!.startsWith('ERROR') ? 'ERROR' : labels.get(id)!]! += 1;
      return counts;
    };

    expect(shared.length).toBe(50);
    expect(report.overall['n_pairs']).toBe(shared.length);
    expect(report.overall.labels_a).toEqual(fold(first));
    expect(report.overall.labels_b).toEqual(fold(second));
    expect(report.overall['complete_a']).toBe(shared.filter((id) => complete(first.get(id))).length);
    expect(report.overall['complete_b']).toBe(shared.filter((id) => complete(second.get(id))).length);
    expect(report.overall['a_only']).toBe(firstOnly.length);
    expect(report.overall['b_only']).toBe(secondOnly.length);
    expect(report.overall.flipped.map((flip) => flip.question_id).sort()).toEqual([...firstOnly, ...secondOnly].sort());
    for (const flip of report.overall.flipped) {
      expect(flip.label_a).toBe(first.get(flip.question_id));
      expect(flip.label_b).toBe(second.get(flip.question_id));
    }
    expect(report.overall['mcnemar_p']).toBeCloseTo(exactMcNemar(firstOnly.length, secondOnly.length), 14);
  });
});
