/** A value observed at time t (any unit, e.g. epoch milliseconds). */
export interface TimePoint {
  t: number;
  value: number;
}

/**
 * Exponential moving average for irregularly spaced points: the smoothed value at tᵢ is the mean of
 * all values up to tᵢ weighted by 2^(−(tᵢ − tⱼ)/halfLife), so a weight halves every halfLife of
 * elapsed time however many points fall in between, and the first point is not over-weighted.
 * This is simple exponential smoothing for irregular intervals in Wright's form (Wright 1986,
 * Management Science 32:499-510: αₙ = αₙ₋₁ / (αₙ₋₁ + b^Δt), α₁ = 1, with b = 2^(−1/halfLife)).
 * halfLife is in the unit of t. Returns one smoothed point per input point, in time order.
 */
export function exponentialMovingAverage(points: readonly TimePoint[], halfLife: number): TimePoint[] {
  if (!(halfLife > 0) || !Number.isFinite(halfLife)) {
    throw new RangeError(`exponentialMovingAverage: halfLife ${halfLife} must be a positive finite number`);
  }
  for (const point of points) {
    if (!Number.isFinite(point.t) || !Number.isFinite(point.value)) {
      throw new RangeError(`exponentialMovingAverage: point (${point.t}, ${point.value}) is not finite`);
    }
  }
  // Array.prototype.sort is stable, so points with equal t keep their input order.
  const ordered = [...points].sort((left, right) => left.t - right.t);
  const smoothed: TimePoint[] = [];
  let weightedSum = 0;
  let totalWeight = 0;
  let previousTime = Number.NaN;
  for (const point of ordered) {
    const decay = Number.isNaN(previousTime) ? 0 : 2 ** (-(point.t - previousTime) / halfLife);
    weightedSum = point.value + decay * weightedSum;
    totalWeight = 1 + decay * totalWeight;
    previousTime = point.t;
    smoothed.push({ t: point.t, value: weightedSum / totalWeight });
  }
  return smoothed;
}
