/** Verdicts a judge can give to a successful response. */
export const VERDICT_LABELS = ['COMPLETE', 'EVASIVE', 'DENIAL'] as const;
export type VerdictLabel = (typeof VERDICT_LABELS)[number];

/**
 * Error labels: outcomes that never reach a judge (the response itself failed)
 * and judge-side failures (the judge's provider filtered it, or its output was unparseable).
 */
export const ERROR_LABELS = [
  'ERROR_MODERATION',
  'ERROR_TRUNCATED',
  'ERROR_FAILED',
  'ERROR_JUDGE_FILTERED',
  'ERROR_JUDGE_UNPARSEABLE',
] as const;
export type ErrorLabel = (typeof ERROR_LABELS)[number];

export const JUDGMENT_LABELS = [...VERDICT_LABELS, ...ERROR_LABELS] as const;
export type JudgmentLabel = VerdictLabel | ErrorLabel;

/** The four segments every rate is shown with. */
export type LabelGroup = VerdictLabel | 'ERROR';

export function isJudgmentLabel(value: string): value is JudgmentLabel {
  return (JUDGMENT_LABELS as readonly string[]).includes(value);
}

export function isErrorLabel(label: JudgmentLabel): label is ErrorLabel {
  return label.startsWith('ERROR_');
}

export function labelGroup(label: JudgmentLabel): LabelGroup {
  return isErrorLabel(label) ? 'ERROR' : label;
}
