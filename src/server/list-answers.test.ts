import { describe, expect, it } from 'vitest';
import type { LabelRow } from '../store/index.js';
import { makeLabelRow } from '../reports/test-support/make-label-row.js';
import { inListOrder } from './list-answers.js';

const row = (responseId: number, set: string, questionId: string, model: string, sample: number): LabelRow =>
  makeLabelRow({ responseId, runId: `run-${model}`, model, set, questionId, sample });

/** The list order as a string comparison (code units, as `<`); Array.prototype.sort keeps ties in order. */
const byStrings = (rows: readonly LabelRow[]) =>
  [...rows].sort(
    (left, right) =>
      (left.set < right.set ? -1 : left.set > right.set ? 1 : 0) ||
      (left.questionId < right.questionId ? -1 : left.questionId > right.questionId ? 1 : 0) ||
      (left.model < right.model ? -1 : left.model > right.model ? 1 : 0) ||
      left.sample - right.sample,
  );

describe('the order of the answers list', () => {
  it('is set, question, model, sample by code unit (not locale), ties kept in order, as a string sort', () => {
    const sets = ['us_hard', 'US_hard', 'zh_审查', 'cn'];
    const questions = ['q10', 'q9', 'Q1', 'q1', '台湾_1'];
    const models = ['lab-b/model', 'lab-a/model', 'Lab-a/model'];
    const rows: LabelRow[] = [];
    let id = 0;
    // A fixed shuffle (a multiplicative walk), duplicate keys included (same set, question, model, sample).
    for (let step = 0; step < 400; step += 1) {
      const pick = (step * 37) % 240;
      rows.push(row((id += 1), sets[pick % 4]!, questions[pick % 5]!, models[pick % 3]!, (pick * 7) % 2));
    }
    const ordered = inListOrder(rows);
    expect(ordered.map((entry) => entry.responseId)).toEqual(byStrings(rows).map((entry) => entry.responseId));
    expect(ordered[0]!.set).toBe('US_hard');
    expect(inListOrder([])).toEqual([]);
  });
});
