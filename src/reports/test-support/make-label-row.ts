import type { LabelRow } from '../../store/index.js';

let nextResponseId = 1;

/** A labelled row for pure report tests; every field can be overridden. */
export function makeLabelRow(overrides: Partial<LabelRow> = {}): LabelRow {
  return {
    responseId: nextResponseId++,
    runId: 'run-a',
    model: 'lab/model-a',
    creator: 'lab',
    releaseDate: null,
    set: 'set_a',
    questionId: 'q1',
    sample: 0,
    domain: null,
    theme: null,
    variation: null,
    language: 'en',
    country: null,
    templateId: null,
    translationOfSet: null,
    translationOfId: null,
    route: null,
    provider: 'mock',
    status: 'success',
    receivedAt: '2026-01-01T00:00:00.000Z',
    label: 'COMPLETE',
    judgeId: 'judge-x',
    judgeVersion: '1',
    ...overrides,
  };
}

/** Rows for one side: question ids q1..qN with the given labels, in order. */
export function sideRows(labels: readonly string[], overrides: Partial<LabelRow> = {}): LabelRow[] {
  return labels.map((label, index) => makeLabelRow({ questionId: `q${index + 1}`, label, ...overrides }));
}
