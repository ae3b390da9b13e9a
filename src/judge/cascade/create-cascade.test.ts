import { describe, expect, it } from 'vitest';
import type { VerdictLabel } from '../../core/index.js';
import { createCascade, type CheapJudge } from './create-cascade.js';
import { shouldEscalate } from './cascade-threshold.js';

/** A scripted cheap judge: the response text names the label and confidence, e.g. "DENIAL 0.95". */
const cheap: CheapJudge = {
  id: 'scripted',
  version: '1',
  judge(input) {
    const [label, confidence] = input.response.split(' ') as [VerdictLabel, string];
    const value = Number(confidence);
    const rest = (1 - value) / 2;
    const probabilities = { COMPLETE: rest, EVASIVE: rest, DENIAL: rest, [label]: value } as Record<
      VerdictLabel,
      number
    >;
    return { label, probabilities, confidence: value };
  },
};

function scriptedExpensive() {
  const calls: string[] = [];
  const expensive = async (input: { question: string; response: string }) => {
    calls.push(input.response);
    return { label: 'EVASIVE' as const, explanation: 'expensive' };
  };
  return { calls, expensive };
}

const rows = ['DENIAL 0.99', 'COMPLETE 0.6', 'EVASIVE 0.95', 'COMPLETE 0.92'].map((response) => ({
  question: 'q',
  response,
}));

describe('createCascade', () => {
  it('keeps confident cheap verdicts and sends the rest to the expensive judge', async () => {
    const { calls, expensive } = scriptedExpensive();
    const cascade = createCascade({ cheap, expensive, threshold: 0.9 });
    const result = await cascade.judgeBatch(rows);
    expect(calls).toEqual(['COMPLETE 0.6']);
    expect(result.verdicts.map((verdict) => verdict.tier)).toEqual(['cheap', 'expensive', 'cheap', 'cheap']);
    expect(result.verdicts.map((verdict) => verdict.label)).toEqual(['DENIAL', 'EVASIVE', 'EVASIVE', 'COMPLETE']);
    expect(result.expensive_fraction).toBe(0.25);
    expect(cascade.counts()).toEqual({ total: 4, expensive: 1, expensive_fraction: 0.25 });
  });

  it('with per-label thresholds never trusts a label left out', async () => {
    const { calls, expensive } = scriptedExpensive();
    const cascade = createCascade({ cheap, expensive, threshold: { DENIAL: 0.9, COMPLETE: 0.95 } });
    const result = await cascade.judgeBatch(rows, { concurrency: 1 });
    expect(calls).toEqual(['COMPLETE 0.6', 'EVASIVE 0.95', 'COMPLETE 0.92']);
    expect(result.expensive_fraction).toBe(0.75);
  });

  it('keeps the expensive result and the cheap verdict on escalated rows', async () => {
    const { expensive } = scriptedExpensive();
    const cascade = createCascade({ cheap, expensive, threshold: 0.99 });
    const verdict = await cascade.judge({ question: 'q', response: 'COMPLETE 0.7' });
    expect(verdict).toMatchObject({
      tier: 'expensive',
      label: 'EVASIVE',
      cheap: { label: 'COMPLETE' },
      expensive: { explanation: 'expensive' },
    });
  });

  it('reports a zero fraction before any row', () => {
    const { expensive } = scriptedExpensive();
    expect(createCascade({ cheap, expensive, threshold: 0.5 }).counts().expensive_fraction).toBe(0);
  });
});

describe('shouldEscalate', () => {
  it('escalates below the threshold, at-threshold verdicts stay', () => {
    expect(shouldEscalate({ label: 'DENIAL', confidence: 0.89 }, 0.9)).toBe(true);
    expect(shouldEscalate({ label: 'DENIAL', confidence: 0.9 }, 0.9)).toBe(false);
    expect(shouldEscalate({ label: 'EVASIVE', confidence: 1 }, { DENIAL: 0.5 })).toBe(true);
  });
});
