import type { VerdictLabel } from '../core/index.js';
import { createCascade } from '../judge/cascade/index.js';
import { createEmbeddedJudge } from '../judge/embedded/index.js';
import { JudgeAbstainedError, JudgeUnavailableError, type Judge, type JudgeInput, type JudgeVerdict } from '../judge/index.js';
import type { ResolvedJudge } from './resolve-judge.js';

function describeProbabilities(probabilities: Record<VerdictLabel, number>): string {
  return Object.entries(probabilities)
    .map(([label, probability]) => `${label} ${(probability * 100).toFixed(1)}%`)
    .join(', ');
}

/**
 * The offline embedded judge as a Judge: label, calibrated probabilities, no network. With
 * `abstainBelow`, a verdict whose calibrated confidence is below it is not given: the response is
 * left unlabelled (JudgeAbstainedError: it needs a judge).
 */
export function createEmbeddedJudgeAdapter(options: { abstainBelow?: number } = {}): Judge {
  const embedded = createEmbeddedJudge();
  return {
    id: embedded.id,
    version: embedded.version,
    promptHash: null,
    source: 'embedded',
    async judge(input: JudgeInput): Promise<JudgeVerdict> {
      const verdict = embedded.judge({ question: input.question, response: input.response });
      if (options.abstainBelow !== undefined && verdict.confidence < options.abstainBelow) {
        throw new JudgeAbstainedError(`needs a judge: embedded judge confidence ${(verdict.confidence * 100).toFixed(1)}% is below ${(options.abstainBelow * 100).toFixed(1)}% (${describeProbabilities(verdict.probabilities)})`);
      }
      return {
        label: verdict.label,
        explanation: `embedded judge${verdict.rule ? ` (rule: ${verdict.rule})` : ''}: ${describeProbabilities(verdict.probabilities)}`,
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
    // When the expensive judge cannot decide either, the row is left unlabelled: it needs a judge.
    expensive: async (input) => {
      try {
        return await expensive.judge(input as JudgeInput);
      } catch (error) {
        if (!(error instanceof JudgeUnavailableError) || error instanceof JudgeAbstainedError) throw error;
        throw new JudgeAbstainedError(`needs a judge: the embedded judge is unsure and ${expensive.id} could not judge (${error.message})`);
      }
    },
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
