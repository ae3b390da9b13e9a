import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ResponseStatus } from '../../core/index.js';
import { classifyChatCompletion } from './classify-chat-completion.js';

/** The public SpeechMap responses: ~27,700 real OpenRouter / OpenAI-compatible payloads. */
const dataRoot = resolve(import.meta.dirname, '../../../../shared/speechmap-data/responses');
const available = existsSync(dataRoot);
if (!available) console.log(`skipping SpeechMap corpus test: ${dataRoot} is absent`);

interface Row {
  question_id: string;
  response: unknown;
  response_status?: string;
}

function* readRows(): Generator<{ file: string; row: Row }> {
  for (const file of readdirSync(dataRoot)
    .filter((name) => name.endsWith('.jsonl.gz'))
    .sort()) {
    const text = gunzipSync(readFileSync(join(dataRoot, file))).toString('utf8');
    for (const line of text.split('\n')) if (line.trim() !== '') yield { file, row: JSON.parse(line) as Row };
  }
}

describe.skipIf(!available)('classifyChatCompletion on the SpeechMap corpus', () => {
  it('recognises every payload and gives a plausible status distribution', () => {
    const counts: Partial<Record<ResponseStatus, number>> = {};
    const unknown: string[] = [];
    const disagreements: string[] = [];
    let total = 0;
    for (const { file, row } of readRows()) {
      total += 1;
      const outcome = classifyChatCompletion({ httpStatus: null, body: row.response });
      counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
      if (outcome.status === 'unknown_shape') unknown.push(`${file} ${row.question_id}: ${outcome.statusDetail}`);
      // SpeechMap's own status, where it recorded one, must agree with ours.
      if (row.response_status && row.response_status !== outcome.status) {
        disagreements.push(`${file} ${row.question_id}: theirs ${row.response_status}, ours ${outcome.status}`);
      }
      if (outcome.status === 'success') {
        expect(outcome.finalText?.trim()).toBeTruthy();
        expect(outcome.finalText).not.toMatch(/^\s*(<think>|◁think▷)/);
      }
    }
    console.log(`SpeechMap corpus: ${total} rows`, counts);
    expect(unknown.slice(0, 20)).toEqual([]);
    expect(disagreements.slice(0, 20)).toEqual([]);
    expect(total).toBeGreaterThan(27_000);
    // Counts cross-checked by an independent scan of the files (see the brief for this test):
    // 4,037 "insufficient credits" + 61 rate limits + a few others are provider errors; 779 OpenAI
    // "flagged" + 18 Alibaba data-inspection errors + 32 choice-level filter errors + 6 content_filter
    // finishes + 12 Gemini "SAFETY" + 1 empty stop are moderation.
    expect(counts.provider_error).toBe(4_037 + 61 + 10 + 10 + 1 + 1);
    expect(counts.moderation).toBe(779 + 11 + 7 + 32 + 6 + 12 + 1);
    expect(counts.empty).toBe(1);
    expect(counts.success! / total).toBeGreaterThan(0.8);
    expect(counts.truncation ?? 0).toBe(0);
  });
});
