import type { JudgmentLabel } from './labels.js';

/** Who produced a judgment. */
export type JudgmentSource = 'import' | 'llm' | 'embedded' | 'cascade' | 'ensemble' | 'human' | 'rule';

/** One label given to one response by one judge. Never updated: new judgments are added. */
export interface Judgment {
  responseId: number;
  judgeId: string;
  judgeVersion: string;
  /** sha256 of the prompt template, or null where no template applies. */
  promptHash: string | null;
  label: JudgmentLabel;
  explanation: string | null;
  rawOutput: string | null;
  judgedAt: string;
  source: JudgmentSource;
  /** Reviewer's note for human overrides. */
  note: string | null;
}
