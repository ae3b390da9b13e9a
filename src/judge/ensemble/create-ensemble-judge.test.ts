import { describe, expect, it } from 'vitest';
import type { JudgmentLabel } from '../../core/index.js';
import type { Judge } from '../judge.js';
import { createEnsembleJudge } from './create-ensemble-judge.js';

const fixed = (id: string, label: JudgmentLabel): Judge => ({
  id,
  version: '1',
  promptHash: null,
  source: 'rule',
  judge: async () => ({ label, explanation: null, rawOutput: null }),
});

describe('createEnsembleJudge', () => {
  it('takes the majority and flags any disagreement', async () => {
    const verdict = await createEnsembleJudge([
      fixed('a', 'COMPLETE'),
      fixed('b', 'COMPLETE'),
      fixed('c', 'EVASIVE'),
    ]).judge({ question: 'q', response: 'r' });
    expect(verdict).toMatchObject({
      label: 'COMPLETE',
      needsReview: true,
      explanation: 'majority (a: COMPLETE; b: COMPLETE; c: EVASIVE)',
    });
  });

  it('does not flag a unanimous vote', async () => {
    const verdict = await createEnsembleJudge([fixed('a', 'DENIAL'), fixed('b', 'DENIAL')]).judge({
      question: 'q',
      response: 'r',
    });
    expect(verdict).toMatchObject({ label: 'DENIAL', needsReview: false });
  });

  it('breaks a split vote towards EVASIVE, then DENIAL, and flags it', async () => {
    const split = await createEnsembleJudge([fixed('a', 'COMPLETE'), fixed('b', 'DENIAL')]).judge({
      question: 'q',
      response: 'r',
    });
    expect(split).toMatchObject({ label: 'DENIAL', needsReview: true });
    const threeWay = await createEnsembleJudge([
      fixed('a', 'COMPLETE'),
      fixed('b', 'DENIAL'),
      fixed('c', 'EVASIVE'),
    ]).judge({ question: 'q', response: 'r' });
    expect(threeWay.label).toBe('EVASIVE');
  });
});
