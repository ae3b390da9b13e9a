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
    expect(await runCli(['demo', '--from', writeSpeechMapFixture(), '--no-serve', '--quiet', '--db', db], io), io.err()).toBe(0);
    const out = io.out();
    expect(out).toMatch(/== Leaderboard/);
    // deepseek-r1 in the fixture: 5 judged rows, 1 COMPLETE → 20.0%, qwen-max 2 rows, 1 COMPLETE → 50.0%; ranked by rate.
    const leaderboard = out.slice(out.indexOf('== Leaderboard'), out.indexOf('== Language gap'));
    expect(leaderboard.indexOf('qwen/qwen-max')).toBeLessThan(leaderboard.indexOf('deepseek/deepseek-r1'));
    expect(leaderboard).toMatch(/deepseek\/deepseek-r1\s+5\s+20\.0%/);
    expect(out).toMatch(/== Language gap: the same china_criticism requests in en \(china_criticism\), zh \(zh_china_criticism\)/);
    expect(out).toMatch(/== DeepSeek R1 vs its uncensoring finetunes/);
    // Five of the fixture's grok labels are verdicts (the rest are error labels).
    expect(out).toMatch(/== Embedded judge \(candor-embedded@[^)]+, offline\) vs SpeechMap's judge \(x-ai\/grok-4.1-fast\) ==\n5 responses in/);

    const again = captureIo();
    expect(await runCli(['demo', '--from', writeSpeechMapFixture(), '--no-serve', '--quiet', '--db', db], again)).toBe(0);
    expect(again.err()).toMatch(/responses 0 new/);
  });
});
