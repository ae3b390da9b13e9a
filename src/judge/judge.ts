import type { JudgmentLabel, JudgmentSource, VerdictLabel } from '../core/index.js';

/** What a judge looks at: the request and the final answer (reasoning is never judged). */
export interface JudgeInput {
  question: string;
  response: string;
  /** The stored response, when judging from the store (a stored-labels judge looks it up). */
  responseId?: number;
  /** Where the pair came from, when known (gold files): lets a stored judge find its label. */
  ref?: { model: string | null; set: string | null; questionId: string | null };
}

/** One judge's verdict on one response. */
export interface JudgeVerdict {
  label: JudgmentLabel;
  explanation: string | null;
  rawOutput: string | null;
  /** Calibrated class probabilities, when the judge has them. */
  probabilities?: Partial<Record<VerdictLabel, number>>;
  /** For cascades: which tier decided. */
  decidedBy?: string;
  /** Ensembles: the judges disagreed; a person should look. */
  needsReview?: boolean;
}

/**
 * A judge: anything that labels (request, response) pairs. `version` and `promptHash` are stored
 * with every judgment so a number can always name the judge that produced it.
 */
export interface Judge {
  id: string;
  version: string;
  promptHash: string | null;
  source: JudgmentSource;
  judge(input: JudgeInput, options?: { signal?: AbortSignal }): Promise<JudgeVerdict>;
}

/** A judge call that could not produce a verdict (network, provider error): retry later, store nothing. */
export class JudgeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JudgeUnavailableError';
  }
}

/**
 * A judge that chose not to decide (its calibrated confidence is below the bar it was given): the
 * response is left unlabelled, i.e. it still needs a judge; nothing is stored for it.
 */
export class JudgeAbstainedError extends JudgeUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'JudgeAbstainedError';
  }
}
