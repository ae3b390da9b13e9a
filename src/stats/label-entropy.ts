/**
 * Shannon entropy in bits of a label distribution given as counts (Shannon 1948):
 * H = −Σ pᵢ·log2 pᵢ over categories with a positive count. 0 when there is no data.
 */
export function labelEntropy(counts: Readonly<Record<string, number>>): number {
  const values = Object.entries(counts).map(([label, count]) => {
    if (!(count >= 0) || !Number.isFinite(count)) {
      throw new RangeError(`labelEntropy: count for "${label}" is ${count}; counts must be finite and >= 0`);
    }
    return count;
  });
  const total = values.reduce((sum, count) => sum + count, 0);
  if (total === 0) return 0;
  let entropy = 0;
  for (const count of values) {
    if (count === 0) continue;
    const share = count / total;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

/**
 * Shannon entropy divided by its maximum, log2(categories), so 0 = unanimous and 1 = evenly split
 * (Pielou's evenness, Pielou 1966). The default of 3 categories is COMPLETE / EVASIVE / DENIAL.
 */
export function normalizedEntropy(counts: Readonly<Record<string, number>>, categories = 3): number {
  if (!Number.isInteger(categories) || categories < 1) {
    throw new RangeError(`normalizedEntropy: categories ${categories} must be a positive integer`);
  }
  const present = Object.values(counts).filter((count) => count > 0).length;
  if (present > categories) {
    throw new RangeError(`normalizedEntropy: ${present} labels occur but only ${categories} categories were declared`);
  }
  // With a single category there is no uncertainty to normalize against.
  if (categories === 1) return 0;
  return labelEntropy(counts) / Math.log2(categories);
}
