import type { VerdictLabel } from '../core/index.js';
import { createCascade } from '../judge/cascade/index.js';
import { createEmbeddedJudge } from '../judge/embedded/index.js';
import type { Judge, JudgeInput, JudgeVerdict } from '../judge/index.js';
import type { ResolvedJudge } from './resolve-judge.js';

function describeProbabilities(probabilities: Record<VerdictLabel, number>): string {
  return Object.entries(probabilities)
    .map(([label, probability]) => `${label} ${(probability * 100).toFixed(1)}%`)
    .join(', ');
}

/** The offline embedded judge as a Judge: label, calibrated probabilities, no network. */
export function createEmbeddedJudgeAdapter(): Judge {
  const embedded = createEmbeddedJudge();
  return {
    id: embedded.id,
    version: embedded.version,
    promptHash: null,
    source: 'embedded',
    async judge(input: JudgeInput): Promise<JudgeVerdict> {
      const verdict = embedded.judge({ question: input.question, response: input.response });
      return {
        label: verdict.label,
        explanation: `embedded judge: ${describeProbabilities(verdict.probabilities)}`,
        rawOutput: JSON.stringify(verdict.probabilities),
        probabilities: verdict.probabilities,
      };
    },
  };
}

/**
 * embedded → expensive: the embedded judge decides when its top probability reaches `threshold`,
 * the expensive judge decides the rest; the share sent on is counted.
 */
export function createCascadeJudge(expensive: Judge, threshold: number): ResolvedJudge {
  const embedded = createEmbeddedJudge();
  const cascade = createCascade<JudgeVerdict>({
    cheap: embedded,
    // The input object passed through is the full JudgeInput (with responseId / ref for stored judges).
    expensive: (input) => expensive.judge(input as JudgeInput),
    threshold,
  });
  return {
    judge: {
      id: `cascade:${embedded.id}>${expensive.id}@${threshold}`,
      version: `${embedded.version}+${expensive.version}`,
      promptHash: expensive.promptHash,
      source: 'cascade',
      async judge(input: JudgeInput): Promise<JudgeVerdict> {
        const verdict = await cascade.judge(input);
        if (verdict.tier === 'cheap') {
          return {
            label: verdict.label,
            explanation: `embedded judge (confident): ${describeProbabilities(verdict.cheap.probabilities)}`,
            rawOutput: JSON.stringify(verdict.cheap.probabilities),
            probabilities: verdict.cheap.probabilities,
            decidedBy: embedded.id,
          };
        }
        return { ...verdict.expensive, decidedBy: expensive.id };
      },
    },
    expensiveCounts: () => cascade.counts(),
  };
}
