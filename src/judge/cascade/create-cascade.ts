import type { VerdictLabel } from '../../core/index.js';
import { shouldEscalate, type CascadeThreshold } from './cascade-threshold.js';

export interface CheapVerdict {
  label: VerdictLabel;
  probabilities: Record<VerdictLabel, number>;
  confidence: number;
}

export interface CascadeInput {
  question: string;
  response: string;
}

/** The cheap tier: typically `createEmbeddedJudge()`. */
export interface CheapJudge {
  id: string;
  version: string;
  judge(input: CascadeInput): CheapVerdict;
}

/** The expensive tier: an LLM judge, or a lookup of a stored judge's labels. */
export type ExpensiveJudge<Result extends { label: string }> = (input: CascadeInput) => Promise<Result>;

export type CascadeVerdict<Result extends { label: string }> =
  | { tier: 'cheap'; label: VerdictLabel; cheap: CheapVerdict }
  | { tier: 'expensive'; label: Result['label']; cheap: CheapVerdict; expensive: Result };

export interface CascadeCounts {
  total: number;
  expensive: number;
  /** Share of judged rows sent to the expensive judge (0 before any row). */
  expensive_fraction: number;
}

export interface Cascade<Result extends { label: string }> {
  judge(input: CascadeInput): Promise<CascadeVerdict<Result>>;
  /** Judges in order, calling the expensive judge for at most `concurrency` rows at a time. */
  judgeBatch(
    inputs: readonly CascadeInput[],
    options?: { concurrency?: number },
  ): Promise<{ verdicts: CascadeVerdict<Result>[] } & CascadeCounts>;
  /** Running totals over every call since the cascade was created. */
  counts(): CascadeCounts;
}

/**
 * Two-tier judge: the cheap judge decides where it is confident enough (see CascadeThreshold),
 * the expensive judge decides the rest; counts how many rows went to the expensive judge.
 */
export function createCascade<Result extends { label: string }>(options: {
  cheap: CheapJudge;
  expensive: ExpensiveJudge<Result>;
  threshold: CascadeThreshold;
}): Cascade<Result> {
  let total = 0;
  let expensiveCount = 0;
  const fraction = (routed: number, all: number): number => (all === 0 ? 0 : routed / all);

  async function judge(input: CascadeInput): Promise<CascadeVerdict<Result>> {
    const cheap = options.cheap.judge(input);
    total += 1;
    if (!shouldEscalate(cheap, options.threshold)) return { tier: 'cheap', label: cheap.label, cheap };
    expensiveCount += 1;
    const expensive = await options.expensive(input);
    return { tier: 'expensive', label: expensive.label, cheap, expensive };
  }

  return {
    judge,
    async judgeBatch(inputs, batchOptions) {
      const concurrency = Math.max(1, batchOptions?.concurrency ?? 4);
      const verdicts = new Array<CascadeVerdict<Result>>(inputs.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < inputs.length) {
          const index = next;
          next += 1;
          verdicts[index] = await judge(inputs[index]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
      const routed = verdicts.filter((verdict) => verdict.tier === 'expensive').length;
      return { verdicts, total: inputs.length, expensive: routed, expensive_fraction: fraction(routed, inputs.length) };
    },
    counts: () => ({ total, expensive: expensiveCount, expensive_fraction: fraction(expensiveCount, total) }),
  };
}
