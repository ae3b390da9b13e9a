import { differenceIntervalText, rateIntervalText } from './interval-text.js';

/** The numbers every paired comparison row carries (compare, entity swap). */
export interface PairedFields {
  n_pairs: number;
  rate_a: number;
  rate_a_low: number;
  rate_a_high: number;
  rate_b: number;
  rate_b_low: number;
  rate_b_high: number;
  difference: number;
  difference_low: number;
  difference_high: number;
  a_only: number;
  b_only: number;
  mcnemar_p: number;
  holm_p: number;
}

/** Those numbers as people read them: rates and the difference with their intervals as text. */
export function readablePairedFields(row: PairedFields) {
  return {
    n_pairs: row.n_pairs,
    rate_a: rateIntervalText(row.rate_a, row.rate_a_low, row.rate_a_high),
    rate_b: rateIntervalText(row.rate_b, row.rate_b_low, row.rate_b_high),
    difference: differenceIntervalText(row.difference, row.difference_low, row.difference_high),
    a_only: row.a_only,
    b_only: row.b_only,
    mcnemar_p: row.mcnemar_p,
    holm_p: row.holm_p,
  };
}
