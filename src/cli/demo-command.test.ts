import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSpeechMapFixture } from '../ingest/test-support/write-speechmap-fixture.js';
import { runCli } from './main.js';
import { captureIo } from './test-support/capture-io.js';

describe('candor demo --from <folder> --no-serve', () => {
  it('imports the data and prints the leaderboard, the language gap and the R1 comparison', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'candor-demo-')), 'candor.db');
    const io = captureIo();
    expect(
      await runCli(['demo', '--from', writeSpeechMapFixture(), '--no-serve', '--quiet', '--db', db], io),
      io.err(),
    ).toBe(0);
    const out = io.out();
    expect(out).toMatch(/== Leaderboard/);
    // Ranked on the set both models answered (china_criticism): deepseek-r1 3 rows, 1 COMPLETE → 33.3%.
    // qwen-max: 2 rows, one a provider failure (missing, not a refusal) → 1 of 1, but half its answers
    // are missing: incomplete, listed after the ranked models, never first.
    const leaderboard = out.slice(out.indexOf('== Leaderboard'), out.indexOf('== Language gap'));
    expect(leaderboard).toMatch(/ranking sets: china_criticism\n/);
    expect(leaderboard).toMatch(/1\s+deepseek\/deepseek-r1\s+3\s+0\s+33\.3%/);
    expect(leaderboard).toMatch(/—\s+qwen\/qwen-max\s+1\s+1\s+100\.0%.*incomplete/);
    expect(leaderboard.indexOf('deepseek/deepseek-r1')).toBeLessThan(leaderboard.indexOf('qwen/qwen-max'));
    expect(out).toMatch(
      /== Language gap: the same china_criticism requests in en \(china_criticism\), zh \(zh_china_criticism\)/,
    );
    // One language gap: (zh − en) in pp on the paired questions, never "%".
    expect(out).toMatch(/deepseek\/deepseek-r1\s+33\.3%\s+0\.0%\s+−50\.0 pp \[[^\]]+\] n=2 \(few pairs\)/);
    expect(out).toMatch(/== DeepSeek R1 vs its uncensoring finetunes/);
    // Five of the fixture's grok labels are verdicts (the rest are error labels).
    expect(out).toMatch(
      /== Embedded judge \(candor-embedded@[^)]+, offline\) vs SpeechMap's judge \(x-ai\/grok-4.1-fast\) ==\n5 responses in/,
    );

    const again = captureIo();
    expect(await runCli(['demo', '--from', writeSpeechMapFixture(), '--no-serve', '--quiet', '--db', db], again)).toBe(
      0,
    );
    expect(again.err()).toMatch(/responses 0 new/);
  });
});
