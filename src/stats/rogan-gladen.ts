/**
 * Rogan–Gladen estimator of true prevalence from an imperfect classifier (Rogan & Gladen 1978,
 * Am J Epidemiol 107:71-76): (observed + specificity − 1) / (sensitivity + specificity − 1),
 * clipped to [0, 1]. Throws when sensitivity + specificity ≤ 1 (the classifier is no better than
 * chance, so the observed rate says nothing about the true one).
 */
export function roganGladen(observedRate: number, sensitivity: number, specificity: number): number {
  for (const [name, value] of [
    ['observedRate', observedRate],
    ['sensitivity', sensitivity],
    ['specificity', specificity],
  ] as const) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`roganGladen: ${name} ${value} outside [0, 1]`);
  }
  const youden = sensitivity + specificity - 1;
  if (youden <= 0) {
    throw new RangeError(
      `roganGladen: sensitivity + specificity = ${sensitivity + specificity} <= 1; the classifier is no better than chance`,
    );
  }
  return Math.min(1, Math.max(0, (observedRate + specificity - 1) / youden));
}
