import type { VerdictLabel } from '../../core/index.js';

/**
 * When the cheap judge is trusted: one number (its top probability must reach it) or one number
 * per label (a label left out is never trusted, e.g. `{ DENIAL: 0.9, COMPLETE: 0.95 }` sends every
 * EVASIVE verdict on).
 */
export type CascadeThreshold = number | Partial<Record<VerdictLabel, number>>;

/** True when a cheap verdict must go to the expensive judge. */
export function shouldEscalate(
  verdict: { label: VerdictLabel; confidence: number },
  threshold: CascadeThreshold,
): boolean {
  const required = typeof threshold === 'number' ? threshold : threshold[verdict.label];
  return required === undefined || verdict.confidence < required;
}
